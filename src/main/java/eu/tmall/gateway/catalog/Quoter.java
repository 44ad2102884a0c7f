package eu.tmall.gateway.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import eu.tmall.gateway.delivery.DeliveryEstimator;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.pricing.Consignment;
import eu.tmall.gateway.pricing.ConsignmentItem;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.ExchangeRates;
import eu.tmall.gateway.pricing.LandedCost;
import eu.tmall.gateway.pricing.LandedCostCalculator;
import eu.tmall.gateway.pricing.Money;

import org.springframework.stereotype.Component;

/**
 * Quotes offers to a shopper: converts their prices, dates their delivery and works out
 * what they cost delivered, with the rules of today in the shopper's country. The dates
 * and the landed cost are worked out when first read ({@link Quote}).
 */
@Component
public class Quoter {

	private final DeliveryEstimator deliveries;

	private final LandedCostCalculator landedCosts;

	private final ExchangeRates rates;

	private final Clock clock;

	private final Money valueOfADay;

	public Quoter(DeliveryEstimator deliveries, LandedCostCalculator landedCosts, ExchangeRates rates, Clock clock,
			ComparisonProperties comparison) {
		this.deliveries = deliveries;
		this.landedCosts = landedCosts;
		this.rates = rates;
		this.clock = clock;
		this.valueOfADay = new Money(comparison.eurosPerDay(), Currency.EUR);
	}

	public QuotedProduct quote(Product product, Currency currency) {
		List<Quote> quotes = product.offers().stream().map(offer -> quote(offer, currency)).toList();
		return new QuotedProduct(product, currency, quotes, this.rates.convert(this.valueOfADay, currency));
	}

	public Quote quote(Offer offer, Currency currency) {
		return new Quote(offer, this.rates.convert(offer.price(), currency),
				this.rates.convert(offer.shippingFee(), currency), () -> landedCost(offer, currency),
				() -> this.deliveries.estimate(offer.shipment(), offer.shipTo()));
	}

	private LandedCost landedCost(Offer offer, Currency currency) {
		LocalDate today = LocalDate.now(this.clock.withZone(offer.shipTo().timeZone()));
		Consignment parcel = new Consignment(List.of(new ConsignmentItem(offer.price(), offer.category())),
				offer.shippingFee(), offer.shipment().shipsFrom(), offer.shipTo());
		return this.landedCosts.landedCost(parcel, today, currency);
	}

	public ShippingQuote quote(ShippingOption option, Currency currency) {
		return new ShippingQuote(option.service(), this.rates.convert(option.fee(), currency),
				this.deliveries.estimate(option.shipment(), option.shipTo()));
	}

}
