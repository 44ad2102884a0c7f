package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.MutableClockConfiguration.MutableClock;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.SearchHits;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.Shipment;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.pricing.Currency;
import eu.tmall.gateway.pricing.Money;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that miss the same key at once share one upstream call, which the first of
 * them pays for. Its budget, deadline or departure must fail nobody else. Offers past
 * their TTL are asked again once, while the other requests keep the previous answer.
 */
class CachingMarketplaceCatalogTests {

	private static final CountryCode DE = new CountryCode("DE");

	private static final SearchHits HITS = new SearchHits(List.of(Gtin.parse("4006381333931")), 1, 1);

	private static final Duration TTL = Duration.ofMinutes(5);

	private static final List<Gtin> GTINS = IntStream.range(0, 50)
		.mapToObj("400638133%03d"::formatted)
		.map(body -> Gtin.parse(body + Gtin.checkDigit(body)))
		.toList();

	private final SlowMarketplace upstream = new SlowMarketplace();

	private final MutableClock clock = new MutableClock(FixedClockConfiguration.NOW);

	private final CachingMarketplaceCatalog catalog = new CachingMarketplaceCatalog(this.upstream,
			new CacheProperties(true, new CacheProperties.Spec(TTL, 100, Duration.ofHours(1)),
					new CacheProperties.Spec(TTL, 100, Duration.ZERO),
					new CacheProperties.Spec(TTL, 100, Duration.ZERO)),
			this.clock);

	private final RequestBudget payer = new RequestBudget(40, Duration.ofSeconds(5));

	private final RequestBudget joiner = new RequestBudget(40, Duration.ofSeconds(5));

	@Test
	void shouldLetARequestThatJoinedACallMakeItsOwnWhenThePayersBudgetStoppedIt() {
		shouldLetARequestThatJoinedACallMakeItsOwnWhenThePayersLimitStoppedIt(
				new RequestBudgetExceededException(this.payer, Upstream.ALIEXPRESS));
	}

	@Test
	void shouldLetARequestThatJoinedACallMakeItsOwnWhenThePayersDeadlineStoppedIt() {
		shouldLetARequestThatJoinedACallMakeItsOwnWhenThePayersLimitStoppedIt(
				new RequestDeadlineExceededException(this.payer, Upstream.ALIEXPRESS));
	}

	private void shouldLetARequestThatJoinedACallMakeItsOwnWhenThePayersLimitStoppedIt(RequestLimitException limit) {
		CompletableFuture<SearchHits> payer = search(this.payer).toFuture();
		CompletableFuture<SearchHits> joiner = search(this.joiner).toFuture();
		assertThat(this.upstream.calls).hasSize(1);
		assertThat(this.upstream.calls.get(0).budget()).isSameAs(this.payer);

		this.upstream.calls.get(0).answer().tryEmitError(limit);

		assertThat(payer).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isSameAs(limit);
		assertThat(this.upstream.calls).hasSize(2);
		assertThat(this.upstream.calls.get(1).budget()).isSameAs(this.joiner);
		assertThat(joiner).isNotDone();
		this.upstream.calls.get(1).answer().tryEmitValue(HITS);
		assertThat(joiner).isCompletedWithValue(HITS);
	}

	@Test
	void shouldFailOnlyTheRequestWhoseOwnLimitStoppedItsCall() {
		CompletableFuture<SearchHits> payer = search(this.payer).toFuture();

		this.upstream.calls.get(0)
			.answer()
			.tryEmitError(new RequestBudgetExceededException(this.payer, Upstream.ALIEXPRESS));

		assertThat(payer).isCompletedExceptionally();
		assertThat(this.upstream.calls).hasSize(1);
	}

	@Test
	void shouldKeepASharedCallForTheOthersWhenItsPayerLeaves() {
		Disposable payer = search(this.payer).subscribe();
		CompletableFuture<SearchHits> joiner = search(this.joiner).toFuture();

		payer.dispose();
		this.upstream.calls.get(0).answer().tryEmitValue(HITS);

		assertThat(joiner).isCompletedWithValue(HITS);
		assertThat(this.upstream.calls).hasSize(1);
	}

	@Test
	void shouldRefreshExpiredOffersWithOneCallWhileTheOtherRequestsKeepThePreviousAnswer() {
		Map<Gtin, List<Offer>> previous = cachedAt("10.00");
		this.clock.advance(TTL.plusSeconds(1));

		CompletableFuture<Map<Gtin, List<Offer>>> refreshing = offers(this.payer).toFuture();
		List<CompletableFuture<Map<Gtin, List<Offer>>>> meanwhile = Stream
			.generate(() -> offers(new RequestBudget(40, Duration.ofSeconds(5))).toFuture())
			.limit(8)
			.toList();

		assertThat(this.upstream.lookups).hasSize(2);
		assertThat(this.upstream.lookups.get(1).gtins()).containsExactlyInAnyOrderElementsOf(GTINS);
		assertThat(this.upstream.lookups.get(1).budget()).isSameAs(this.payer);
		assertThat(refreshing).isNotDone();
		assertThat(meanwhile).allSatisfy(answer -> assertThat(answer).isCompletedWithValue(previous));

		Map<Gtin, List<Offer>> fresh = answer(1, "12.00");

		assertThat(refreshing).isCompletedWithValue(fresh);
		assertThat(offers(this.joiner).toFuture()).isCompletedWithValue(fresh);
		assertThat(this.upstream.lookups).hasSize(2);
	}

	@Test
	void shouldServeThePreviousOffersMarkedStaleToEveryRequestOnceTheirRefreshFailed() {
		Map<Gtin, List<Offer>> previous = cachedAt("10.00");
		this.clock.advance(TTL.plusSeconds(1));
		CompletableFuture<Map<Gtin, List<Offer>>> refreshing = offers(this.payer).toFuture();
		CompletableFuture<Map<Gtin, List<Offer>>> meanwhile = offers(this.joiner).toFuture();

		this.upstream.lookups.get(1)
			.answer()
			.tryEmitError(new UpstreamException(Upstream.ALIEXPRESS, UpstreamException.Kind.UNAVAILABLE,
					"answered HTTP 503"));

		assertThat(meanwhile).isCompletedWithValue(previous);
		assertThat(refreshing).isCompletedWithValue(stale(previous));
		CompletableFuture<Map<Gtin, List<Offer>>> retrying = offers(this.joiner).toFuture();
		assertThat(this.upstream.lookups).hasSize(3);
		assertThat(offers(this.payer).toFuture()).isCompletedWithValue(stale(previous));

		Map<Gtin, List<Offer>> fresh = answer(2, "12.00");

		assertThat(retrying).isCompletedWithValue(fresh);
		assertThat(offers(this.payer).toFuture()).isCompletedWithValue(fresh);
		assertThat(this.upstream.lookups).hasSize(3);
	}

	private Map<Gtin, List<Offer>> cachedAt(String price) {
		CompletableFuture<Map<Gtin, List<Offer>>> first = offers(this.payer).toFuture();
		Map<Gtin, List<Offer>> answered = answer(0, price);
		assertThat(first).isCompletedWithValue(answered);
		return answered;
	}

	/** Answers the lookup with an offer of every GTIN at the price. */
	private Map<Gtin, List<Offer>> answer(int lookup, String price) {
		Map<Gtin, List<Offer>> offers = new HashMap<>();
		GTINS.forEach(gtin -> offers.put(gtin, List.of(offer(gtin, price))));
		this.upstream.lookups.get(lookup).answer().tryEmitValue(offers);
		return offers;
	}

	private static Map<Gtin, List<Offer>> stale(Map<Gtin, List<Offer>> offers) {
		Map<Gtin, List<Offer>> stale = new HashMap<>();
		offers.forEach((gtin, list) -> stale.put(gtin, list.stream().map(Offer::asStale).toList()));
		return stale;
	}

	private static Offer offer(Gtin gtin, String price) {
		return new Offer(Marketplace.ALIEXPRESS, "ae-" + gtin.digits(), gtin, "Moka pot", null, null, List.of(), null,
				Money.of(price, Currency.EUR), Money.of("0.00", Currency.EUR),
				new Shipment(CountryCode.of("CN"), 8, 15, null), null,
				URI.create("https://example.com/" + gtin.digits()), DE);
	}

	private Mono<Map<Gtin, List<Offer>>> offers(RequestBudget budget) {
		return this.catalog.findByGtins(GTINS, DE).contextWrite(context -> context.put(RequestBudget.class, budget));
	}

	private Mono<SearchHits> search(RequestBudget budget) {
		return this.catalog.search("headphones", DE, 0, 20)
			.contextWrite(context -> context.put(RequestBudget.class, budget));
	}

	/** A marketplace whose search and lookups by GTIN answer when the test says so. */
	private static final class SlowMarketplace implements MarketplaceCatalog {

		private final List<Call> calls = new ArrayList<>();

		private final List<Lookup> lookups = new ArrayList<>();

		@Override
		public Marketplace marketplace() {
			return Marketplace.ALIEXPRESS;
		}

		@Override
		public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
			return Mono.deferContextual(context -> {
				Call call = new Call(RequestBudget.of(context), Sinks.one());
				this.calls.add(call);
				return call.answer.asMono();
			});
		}

		@Override
		public Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo) {
			return Mono.deferContextual(context -> {
				Lookup lookup = new Lookup(List.copyOf(gtins), RequestBudget.of(context), Sinks.one());
				this.lookups.add(lookup);
				return lookup.answer.asMono();
			});
		}

		@Override
		public Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo) {
			return Mono.just(Map.of());
		}

		@Override
		public Mono<List<ShippingOption>> shippingOptions(Offer offer) {
			return Mono.just(List.of());
		}

	}

	private record Call(RequestBudget budget, Sinks.One<SearchHits> answer) {

	}

	private record Lookup(List<Gtin> gtins, RequestBudget budget, Sinks.One<Map<Gtin, List<Offer>>> answer) {

	}

}
