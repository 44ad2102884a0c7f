package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * What a parcel costs delivered to an EU shopper. The marketplaces quote EUR prices that
 * include the destination's VAT; this takes them apart into goods, shipping, VAT, duty
 * and fees under the customs rules of a date, then shows them in the shopper's currency.
 */
@Component
public class LandedCostCalculator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final PricingProperties.Customs customs;

	private final VatRates vatRates;

	private final Tariffs tariffs;

	private final ExchangeRates exchangeRates;

	public LandedCostCalculator(PricingProperties properties, ExchangeRates exchangeRates) {
		this.customs = properties.customs();
		this.vatRates = new VatRates(properties.vat());
		this.tariffs = new Tariffs(properties.customs());
		this.exchangeRates = exchangeRates;
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
		ImportRegime regime = regime(consignment, vatRate);
		EuroBreakdown breakdown = switch (regime) {
			case EU_INTERNAL -> vatInPrice(consignment, vatRate, BigDecimal.ZERO, BigDecimal.ZERO);
			case IOSS -> vatInPrice(consignment, vatRate, flatDuty(consignment, date), handlingFee());
			case IMPORT -> imported(consignment, vatRate);
		};
		return breakdown.in(currency, this.exchangeRates, regime, vatRate, date);
	}

	// The €150 limit of IOSS is on the consignment's intrinsic value: the goods' value
	// without VAT and without transport costs, in euros and cents (Directive 2006/112/EC
	// art. 369l as amended by Directive 2017/2455; Regulation 2015/2446 art. 1(48)).
	private ImportRegime regime(Consignment consignment, BigDecimal vatRate) {
		if (consignment.shipsFrom().isEu()) {
			return ImportRegime.EU_INTERNAL;
		}
		BigDecimal intrinsicValue = new Money(netGoods(consignment, vatRate), Currency.EUR).amount();
		return (intrinsicValue.compareTo(this.customs.iossThreshold()) <= 0) ? ImportRegime.IOSS : ImportRegime.IMPORT;
	}

	// A sale inside the EU (OSS) or under IOSS: the VAT is in the price (Directive
	// 2017/2455).
	private EuroBreakdown vatInPrice(Consignment consignment, BigDecimal vatRate, BigDecimal duty, BigDecimal fees) {
		BigDecimal goods = netGoods(consignment, vatRate);
		BigDecimal shipping = net(consignment.shipping().amount(), vatRate);
		BigDecimal price = consignment.shipping().amount();
		for (ConsignmentItem item : consignment.items()) {
			price = price.add(item.price().amount());
		}
		return new EuroBreakdown(goods, shipping, price.subtract(goods).subtract(shipping), duty, fees, true);
	}

	// Above €150 IOSS cannot apply: duty at each category's rate on the net goods, and
	// import VAT on goods, transport and duty (Directive 2006/112/EC art. 85–86).
	private EuroBreakdown imported(Consignment consignment, BigDecimal vatRate) {
		BigDecimal duty = BigDecimal.ZERO;
		for (ConsignmentItem item : consignment.items()) {
			BigDecimal dutyRate = this.tariffs.of(item.category()).dutyRate();
			duty = duty.add(percent(net(item.price().amount(), vatRate), dutyRate));
		}
		BigDecimal goods = netGoods(consignment, vatRate);
		BigDecimal shipping = net(consignment.shipping().amount(), vatRate);
		BigDecimal vat = percent(goods.add(shipping).add(duty), vatRate);
		return new EuroBreakdown(goods, shipping, vat, duty, this.customs.clearanceFee(), false);
	}

	// From 2026-07-01 a flat duty per distinct tariff sub-heading in an IOSS parcel
	// (Council decision of February 2026 ending the €150 duty relief).
	private BigDecimal flatDuty(Consignment consignment, LocalDate date) {
		if (date.isBefore(this.customs.flatDutyFrom())) {
			return BigDecimal.ZERO;
		}
		long subheadings = consignment.items()
			.stream()
			.map(item -> this.tariffs.of(item.category()).subheading())
			.distinct()
			.count();
		return this.customs.flatDuty().multiply(BigDecimal.valueOf(subheadings));
	}

	private BigDecimal handlingFee() {
		BigDecimal fee = this.customs.handlingFee();
		return (fee != null) ? fee : BigDecimal.ZERO;
	}

	private static BigDecimal netGoods(Consignment consignment, BigDecimal vatRate) {
		BigDecimal goods = BigDecimal.ZERO;
		for (ConsignmentItem item : consignment.items()) {
			goods = goods.add(net(item.price().amount(), vatRate));
		}
		return goods;
	}

	private static BigDecimal net(BigDecimal withVat, BigDecimal vatRate) {
		return withVat.multiply(HUNDRED).divide(HUNDRED.add(vatRate), MathContext.DECIMAL128);
	}

	private static BigDecimal percent(BigDecimal amount, BigDecimal rate) {
		return amount.multiply(rate).divide(HUNDRED, MathContext.DECIMAL128);
	}

}
