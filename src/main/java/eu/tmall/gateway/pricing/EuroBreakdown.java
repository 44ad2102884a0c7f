package eu.tmall.gateway.pricing;

/**
 * A landed cost in euros, exact, before it is shown in a currency.
 *
 * @param goods the articles, net of VAT
 * @param shipping the delivery fee, net of VAT
 * @param vat all the VAT the shopper pays
 * @param duty customs duty
 * @param fees handling, national or clearance fees
 * @param vatInPrice whether the VAT is the part of the marketplace's price that is not
 * net
 */
record EuroBreakdown(Fraction goods, Fraction shipping, Fraction vat, Fraction duty, Fraction fees,
		boolean vatInPrice) {

	/**
	 * Each part in {@code currency}, rounded once by {@link Money#ROUNDING}; the total is
	 * their sum, so the breakdown adds up to the cent.
	 */
	Parts in(Currency currency, EcbReferenceRates rates) {
		Money goods = rates.fromEuros(this.goods, currency);
		Money shipping = rates.fromEuros(this.shipping, currency);
		Money vat = this.vatInPrice ? vatInPrice(currency, rates, goods, shipping)
				: rates.fromEuros(this.vat, currency);
		Money duty = rates.fromEuros(this.duty, currency);
		Money fees = rates.fromEuros(this.fees, currency);
		Money total = new Money(
				goods.amount().add(shipping.amount()).add(vat.amount()).add(duty.amount()).add(fees.amount()),
				currency);
		return new Parts(goods, shipping, vat, duty, fees, total);
	}

	// The VAT in a price is what the rounded price leaves after the rounded net amounts,
	// so goods, shipping and VAT add up to the price the shopper saw, to the cent.
	private Money vatInPrice(Currency currency, EcbReferenceRates rates, Money goods, Money shipping) {
		Money price = rates.fromEuros(this.goods.plus(this.shipping).plus(this.vat), currency);
		return new Money(price.amount().subtract(goods.amount()).subtract(shipping.amount()), currency);
	}

	record Parts(Money goods, Money shipping, Money vat, Money duty, Money fees, Money total) {

	}

}
