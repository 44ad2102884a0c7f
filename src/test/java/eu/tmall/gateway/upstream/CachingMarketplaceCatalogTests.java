package eu.tmall.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.SearchHits;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that miss the same key at once share one upstream call, which the first of
 * them pays for. Its budget, deadline or departure must fail nobody else.
 */
class CachingMarketplaceCatalogTests {

	private static final CountryCode DE = new CountryCode("DE");

	private static final SearchHits HITS = new SearchHits(List.of(Gtin.parse("4006381333931")), 1, 1);

	private final SlowSearch upstream = new SlowSearch();

	private final CachingMarketplaceCatalog catalog = new CachingMarketplaceCatalog(this.upstream,
			new CacheProperties(true, new CacheProperties.Spec(Duration.ofMinutes(5), 100, Duration.ZERO),
					new CacheProperties.Spec(Duration.ofMinutes(5), 100, Duration.ZERO),
					new CacheProperties.Spec(Duration.ofMinutes(5), 100, Duration.ZERO)),
			Clock.systemUTC());

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

	private Mono<SearchHits> search(RequestBudget budget) {
		return this.catalog.search("headphones", DE, 0, 20)
			.contextWrite(context -> context.put(RequestBudget.class, budget));
	}

	/** A marketplace whose search answers when the test says so. */
	private static final class SlowSearch implements MarketplaceCatalog {

		private final List<Call> calls = new ArrayList<>();

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
			return Mono.just(Map.of());
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

}
