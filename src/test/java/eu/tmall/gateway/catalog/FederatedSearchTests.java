package eu.tmall.gateway.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedSearchTests {

	private static final CountryCode ES = CountryCode.of("ES");

	@Test
	void shouldInterleaveTheMarketplacesAndListASharedProductOnce() {
		Hits tmall = new Hits(Marketplace.TMALL_EUROPE, gtins(1, 2, 3));
		Hits aliexpress = new Hits(Marketplace.ALIEXPRESS, gtins(10, 2, 11));

		SearchResult result = new FederatedSearch(List.of(tmall, aliexpress)).search("q", ES, 0, 10).block();

		assertThat(result.gtins()).containsExactlyElementsOf(gtins(1, 10, 2, 3, 11));
		assertThat(result.totalCount()).isEqualTo(5);
		assertThat(result.hasNextPage()).isFalse();
	}

	@Test
	void shouldStartWithTmallEuropeWhateverTheOrderOfTheMarketplaces() {
		Hits tmall = new Hits(Marketplace.TMALL_EUROPE, gtins(1, 2));
		Hits aliexpress = new Hits(Marketplace.ALIEXPRESS, gtins(10, 11));

		SearchResult result = new FederatedSearch(List.of(aliexpress, tmall)).search("q", ES, 0, 10).block();

		assertThat(result.gtins()).containsExactlyElementsOf(gtins(1, 10, 2, 11));
	}

	@Test
	void shouldVisitEveryResultOnceWhenPagingThroughSeveralUpstreamPages() {
		List<Gtin> tmallHits = gtins(IntStream.range(0, 130).toArray());
		List<Gtin> aliHits = gtins(IntStream.range(100, 230).toArray());
		FederatedSearch search = new FederatedSearch(
				List.of(new Hits(Marketplace.TMALL_EUROPE, tmallHits), new Hits(Marketplace.ALIEXPRESS, aliHits)));

		List<Gtin> visited = new ArrayList<>();
		SearchResult page;
		int offset = 0;
		do {
			page = search.search("q", ES, offset, 17).block();
			visited.addAll(page.gtins());
			offset += page.gtins().size();
		}
		while (page.hasNextPage());

		assertThat(visited).doesNotHaveDuplicates().hasSize(230);
		assertThat(new HashSet<>(visited)).containsAll(tmallHits).containsAll(aliHits);
		assertThat(page.totalCount()).isEqualTo(230);
	}

	@Test
	void shouldAskEachMarketplaceOnceForAFirstPage() {
		Hits tmall = new Hits(Marketplace.TMALL_EUROPE, gtins(IntStream.range(0, 120).toArray()));
		Hits aliexpress = new Hits(Marketplace.ALIEXPRESS, gtins(IntStream.range(500, 620).toArray()));

		SearchResult result = new FederatedSearch(List.of(tmall, aliexpress)).search("q", ES, 0, 20).block();

		assertThat(tmall.calls).isEqualTo(1);
		assertThat(aliexpress.calls).isEqualTo(1);
		assertThat(result.hasNextPage()).isTrue();
		assertThat(result.totalCount()).isEqualTo(240);
	}

	@Test
	void shouldKeepOneMarketplacesResultsWhenTheOtherFails() {
		Hits tmall = new Hits(Marketplace.TMALL_EUROPE, gtins(1, 2));
		MarketplaceCatalog failing = new Hits(Marketplace.ALIEXPRESS, List.of()) {
			@Override
			public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
				return Mono.error(new IllegalStateException("down"));
			}
		};

		SearchResult result = new FederatedSearch(List.of(tmall, failing)).search("q", ES, 0, 10).block();

		assertThat(result.gtins()).containsExactlyElementsOf(gtins(1, 2));
		assertThat(result.failures()).singleElement()
			.extracting(MarketplaceFailure::marketplace)
			.isEqualTo(Marketplace.ALIEXPRESS);
	}

	private static List<Gtin> gtins(int... numbers) {
		return IntStream.of(numbers).mapToObj(FederatedSearchTests::gtin).toList();
	}

	private static Gtin gtin(int number) {
		String body = "400" + String.format("%09d", number);
		return Gtin.parse(body + Gtin.checkDigit(body));
	}

	/** A marketplace whose search answers from a fixed list, counting its calls. */
	private static class Hits implements MarketplaceCatalog {

		private final Marketplace marketplace;

		private final List<Gtin> hits;

		int calls;

		Hits(Marketplace marketplace, List<Gtin> hits) {
			this.marketplace = marketplace;
			this.hits = hits;
		}

		@Override
		public Marketplace marketplace() {
			return this.marketplace;
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

		@Override
		public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
			this.calls++;
			List<Gtin> page = this.hits.subList(Math.min(offset, this.hits.size()),
					Math.min(offset + limit, this.hits.size()));
			return Mono.just(new SearchHits(page, page.size(), this.hits.size()));
		}

	}

}
