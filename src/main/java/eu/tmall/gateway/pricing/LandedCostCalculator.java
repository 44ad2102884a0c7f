package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What a parcel costs delivered to an EU shopper. The marketplaces quote EUR prices that
 * include the destination's VAT; this takes them apart into goods, shipping, VAT, duty
 * and fees under the rules in force on a date, exactly, then shows each part in the
 * shopper's currency, rounded once.
 */
@Component
public class LandedCostCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final PricingProperties.Customs customs;

	private final List<PricingProperties.Fee> fees;

	private final VatRates vatRates;

	private final Tariffs tariffs;

	private final ExchangeRates exchangeRates;

	private final Duration ratesMaxAge;

	public LandedCostCalculator(PricingProperties properties, ExchangeRates exchangeRates) {
		this.customs = properties.customs();
		this.fees = properties.fees();
		this.vatRates = new VatRates(properties.vat());
		this.tariffs = new Tariffs(properties.customs());
		this.exchangeRates = exchangeRates;
		this.ratesMaxAge = properties.ratesMaxAge();
	}

	/**
	 * The landed cost of a consignment under the rules in force on {@code date}, in
	 * {@code currency}: computed in EUR, then each part converted and rounded, the total
	 * their sum. A parcel from outside the EU is sold under IOSS when its intrinsic value
	 * is at most €150: as EU law defines it, the goods' value in euros net of VAT and
	 * without the shipping.
	 * @throws IllegalArgumentException when the destination is not in the EU or no VAT
	 * table is valid on the date
	 */
	public LandedCost landedCost(Consignment consignment, LocalDate date, Currency currency) {
		BigDecimal vatRate = this.vatRates.rate(consignment.shipTo(), date);
		EcbReferenceRates rates = this.exchangeRates.current();
		Fraction intrinsicValue = netGoods(consignment, vatRate);
		ImportRegime regime = regime(consignment, intrinsicValue);
		List<PricingProperties.Fee> charged = (regime == ImportRegime.EU_INTERNAL) ? List.of()
				: feesCharged(consignment, date, intrinsicValue);
		EuroBreakdown breakdown = switch (regime) {
			case EU_INTERNAL -> vatInPrice(consignment, vatRate, Fraction.ZERO, Fraction.ZERO);
			case IOSS ->
				vatInPrice(consignment, vatRate, flatDuty(consignment, date), fees(consignment, charged, rates));
			case IMPORT -> imported(consignment, vatRate,
					fees(consignment, charged, rates).plus(Fraction.of(this.customs.clearanceFee())));
		};
		EuroBreakdown.Parts parts = breakdown.in(currency, rates);
		boolean converted = currency != Currency.EUR || charged.stream().anyMatch(fee -> fee.currency() != currency);
		boolean outdated = converted && date.isAfter(rates.date().plusDays(this.ratesMaxAge.toDays()));
		return new LandedCost(parts.goods(), parts.shipping(), parts.vat(), parts.duty(), parts.fees(), parts.total(),
				regime, vatRate, date, rates.date(), outdated);
	}

	// The €150 limit of IOSS is on the consignment's intrinsic value: the goods' value
	// without VAT and without transport costs, in euros and cents (Directive 2006/112/EC
	// art. 369l as amended by Directive 2017/2455; Regulation 2015/2446 art. 1(48)).
	private ImportRegime regime(Consignment consignment, Fraction intrinsicValue) {
		if (consignment.shipsFrom().isEu()) {
			return ImportRegime.EU_INTERNAL;
		}
		BigDecimal inCents = intrinsicValue.rounded(Currency.EUR.minorUnits());
		return (inCents.compareTo(this.customs.iossThreshold()) <= 0) ? ImportRegime.IOSS : ImportRegime.IMPORT;
	}

	// A sale inside the EU (OSS) or under IOSS: the VAT is in the price (Directive
	// 2017/2455).
	private EuroBreakdown vatInPrice(Consignment consignment, BigDecimal vatRate, Fraction duty, Fraction fees) {
		Fraction goods = netGoods(consignment, vatRate);
		Fraction shipping = net(consignment.shipping().amount(), vatRate);
		Fraction price = Fraction.of(grossGoods(consignment).add(consignment.shipping().amount()));
		return new EuroBreakdown(goods, shipping, price.minus(goods).minus(shipping), duty, fees, true);
	}

	// Above €150 IOSS cannot apply. Duty is charged on the customs value: the goods plus
	// the transport to the EU border (Regulation 952/2013 art. 70-71(1)(e)); the
	// marketplace's fee is taken whole as that transport, and shared among the items by
	// their value, as customs do when an invoice does not split it. Import VAT is due on
	// the customs value plus the duty (Directive 2006/112/EC art. 85-86).
	private EuroBreakdown imported(Consignment consignment, BigDecimal vatRate, Fraction fees) {
		Fraction goods = netGoods(consignment, vatRate);
		Fraction shipping = net(consignment.shipping().amount(), vatRate);
		BigDecimal gross = grossGoods(consignment);
		Fraction duty = Fraction.ZERO;
		for (ConsignmentItem item : consignment.items()) {
			Fraction transport = shipping.times(item.price().amount()).dividedBy(gross);
			Fraction customsValue = net(item.price().amount(), vatRate).plus(transport);
			duty = duty.plus(percent(customsValue, this.tariffs.of(item.category()).dutyRate()));
		}
		Fraction vat = percent(goods.plus(shipping).plus(duty), vatRate);
		return new EuroBreakdown(goods, shipping, vat, duty, fees, false);
	}

	// From 2026-07-01 until the EU customs data hub takes over (2028-07-01), a flat duty
	// per distinct tariff sub-heading in an IOSS parcel (Council, February 2026).
	private Fraction flatDuty(Consignment consignment, LocalDate date) {
		PricingProperties.FlatDuty flatDuty = this.customs.flatDuty();
		if (!flatDuty.appliesOn(date)) {
			return Fraction.ZERO;
		}
		long subheadings = consignment.items()
			.stream()
			.map(item -> this.tariffs.of(item.category()).subheading())
			.distinct()
			.count();
		return Fraction.of(flatDuty.amount().multiply(BigDecimal.valueOf(subheadings)));
	}

	private List<PricingProperties.Fee> feesCharged(Consignment consignment, LocalDate date, Fraction intrinsicValue) {
		BigDecimal inCents = intrinsicValue.rounded(Currency.EUR.minorUnits());
		return this.fees.stream()
			.filter(fee -> fee.appliesTo(consignment.shipTo(), date))
			.filter(fee -> inCents.compareTo(fee.maxIntrinsicValue()) <= 0)
			.toList();
	}

	private static Fraction fees(Consignment consignment, List<PricingProperties.Fee> charged,
			EcbReferenceRates rates) {
		Fraction euros = Fraction.ZERO;
		for (PricingProperties.Fee fee : charged) {
			int times = (fee.per() == PricingProperties.Fee.Per.ITEM) ? consignment.items().size() : 1;
			Money amount = new Money(fee.amount().multiply(BigDecimal.valueOf(times)), fee.currency());
			euros = euros.plus(rates.toEuros(amount));
		}
		return euros;
	}

	private static BigDecimal grossGoods(Consignment consignment) {
		BigDecimal goods = BigDecimal.ZERO;
		for (ConsignmentItem item : consignment.items()) {
			goods = goods.add(item.price().amount());
		}
		return goods;
	}

	private static Fraction netGoods(Consignment consignment, BigDecimal vatRate) {
		return net(grossGoods(consignment), vatRate);
	}

	private static Fraction net(BigDecimal withVat, BigDecimal vatRate) {
		return Fraction.of(withVat.multiply(HUNDRED)).dividedBy(HUNDRED.add(vatRate));
	}

	private static Fraction percent(Fraction amount, BigDecimal rate) {
		return amount.times(rate).dividedBy(HUNDRED);
	}

}
