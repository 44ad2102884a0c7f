package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A landed cost in euros at full precision, before it is shown in a currency.
 *
 * @param goods the articles, net of VAT
 * @param shipping the delivery fee, net of VAT
 * @param vat all the VAT the shopper pays
 * @param duty customs duty
 * @param fees handling or clearance fees
 * @param vatInPrice whether the VAT is the part of the marketplace's price that is not
 * net
 */
record EuroBreakdown(BigDecimal goods, BigDecimal shipping, BigDecimal vat, BigDecimal duty, BigDecimal fees,
		boolean vatInPrice) {

	LandedCost in(Currency currency, ExchangeRates rates, ImportRegime regime, BigDecimal vatRate, LocalDate date) {
		Money goods = rates.fromEuros(this.goods, currency);
		Money shipping = rates.fromEuros(this.shipping, currency);
		Money vat = this.vatInPrice ? vatInPrice(currency, rates, goods, shipping)
				: rates.fromEuros(this.vat, currency);
		Money duty = rates.fromEuros(this.duty, currency);
		Money fees = rates.fromEuros(this.fees, currency);
		BigDecimal total = goods.amount()
			.add(shipping.amount())
			.add(vat.amount())
			.add(duty.amount())
			.add(fees.amount());
		return new LandedCost(goods, shipping, vat, duty, fees, new Money(total, currency), regime, vatRate, date);
	}

	// The VAT in a price is what the rounded price leaves after the rounded net amounts,
	// so goods, shipping and VAT add up to the price the shopper saw, to the cent.
	private Money vatInPrice(Currency currency, ExchangeRates rates, Money goods, Money shipping) {
		Money price = rates.fromEuros(this.goods.add(this.shipping).add(this.vat), currency);
		return new Money(price.amount().subtract(goods.amount()).subtract(shipping.amount()), currency);
	}

}
