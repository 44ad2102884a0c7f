package eu.tmall.gateway.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import org.jspecify.annotations.Nullable;

/**
 * A product as one shopper sees it: every offer quoted in their currency, with what ranks
 * and compares them.
 *
 * @param product the product and its offers
 * @param currency the currency every amount is in
 * @param quotes one quote per offer, in no order: each order asks for what it needs of
 * them ({@link OfferSort})
 * @param valueOfADay what a business day less of waiting is worth to the shopper, for
 * {@link OfferSort#BEST_VALUE}
 */
public record QuotedProduct(Product product, Currency currency, List<Quote> quotes, Money valueOfADay) {

	public QuotedProduct {
		if (quotes.isEmpty()) {
			throw new IllegalArgumentException("a product needs at least one quote");
		}
		quotes = List.copyOf(quotes);
	}

	public ProductKey key() {
		return this.product.key();
	}

	public Gtin gtin() {
		return this.product.gtin();
	}

	public String title() {
		return this.product.title();
	}

	public @Nullable Brand brand() {
		return this.product.brand();
	}

	public @Nullable String category() {
		return this.product.category();
	}

	public List<String> images() {
		return this.product.images();
	}

	public List<Quote> offers(OfferFilter filter, OfferSort sort) {
		return this.quotes.stream().filter(filter::test).sorted(sort.comparator(this)).toList();
	}

	/** The best offer that can be bought: in stock, or whose marketplace does not say. */
	public Quote best(OfferRanking ranking) {
		return best(available(), ranking.order().comparator(this));
	}

	/** The offers that can be bought compared; all of them when none can. */
	public OfferComparison comparison() {
		Optional<Quote> local = cheapest(Quote::isLocal);
		Optional<Quote> imported = cheapest(quote -> !quote.isLocal());
		LocalPremium premium = null;
		Integer daysSaved = null;
		if (local.isPresent() && imported.isPresent()) {
			premium = premium(local.get(), imported.get());
			daysSaved = imported.get().maxDays() - local.get().maxDays();
		}
		return new OfferComparison(best(OfferRanking.CHEAPEST), best(OfferRanking.FASTEST),
				best(OfferRanking.BEST_VALUE), premium, daysSaved);
	}

	/** The landed cost plus what the wait is worth: the lower, the better the value. */
	BigDecimal bestValueScore(Quote quote) {
		return quote.total().amount().add(this.valueOfADay.amount().multiply(BigDecimal.valueOf(quote.maxDays())));
	}

	private Optional<Quote> cheapest(Predicate<Quote> which) {
		return available().stream().filter(which).min(OfferSort.CHEAPEST);
	}

	private List<Quote> available() {
		List<Quote> inStock = this.quotes.stream().filter(Quote::isAvailable).toList();
		return inStock.isEmpty() ? this.quotes : inStock;
	}

	private @Nullable LocalPremium premium(Quote local, Quote imported) {
		BigDecimal importCost = imported.total().amount();
		if (importCost.signum() == 0) {
			return null;
		}
		BigDecimal amount = local.total().amount().subtract(importCost);
		BigDecimal percent = amount.multiply(BigDecimal.valueOf(100)).divide(importCost, 1, Money.ROUNDING);
		return new LocalPremium(new Money(amount, this.currency), percent);
	}

	private static Quote best(List<Quote> quotes, Comparator<Quote> order) {
		return quotes.stream().min(order).orElseThrow();
	}

}
