package eu.tmall.gateway.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import eu.tmall.gateway.delivery.CountryCode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Searches every marketplace at once and merges their results on the GTIN: the
 * marketplaces' own rankings are interleaved and a product is listed where it first
 * appears. The merged order of a prefix depends only on the prefixes of the marketplaces'
 * results, so an offset into it is a stable cursor, and each page fetches only what it
 * needs: pages of the size one round trip needs, {@value #UPSTREAM_PAGE} at most.
 */
@Component
public class FederatedSearch {

	/** The most results one upstream search call asks for. */
	public static final int UPSTREAM_PAGE = 50;

	private final List<MarketplaceCatalog> marketplaces;

	public FederatedSearch(List<MarketplaceCatalog> marketplaces) {
		// the interleaving starts with Tmall Europe whatever order the beans come in, so
		// cursors and results do not change with the wiring
		this.marketplaces = marketplaces.stream()
			.sorted(Comparator.comparing(MarketplaceCatalog::marketplace))
			.toList();
	}

	/**
	 * The most pages of each marketplace {@link #search} reads for a page at
	 * {@code offset}: all it needs when the other marketplaces add nothing new (results
	 * without a GTIN aside). With several marketplaces each usually supplies a share, so
	 * the count is an upper bound, the one the query cost charges for.
	 */
	public static int pagesPerMarketplace(int offset, int first) {
		long wanted = Math.max(1, (long) offset + first + 1);
		long pageSize = Math.min(UPSTREAM_PAGE, wanted);
		return (int) Math.min(Integer.MAX_VALUE, (wanted + pageSize - 1) / pageSize);
	}

	public Mono<SearchResult> search(String query, CountryCode shipTo, int offset, int first) {
		int wanted = offset + first + 1;
		int pageSize = Math.min(UPSTREAM_PAGE, wanted);
		List<Stream> start = this.marketplaces.stream().map(Stream::new).toList();
		return next(start, query, shipTo, pageSize)
			.expand(streams -> needsMore(streams, wanted) ? next(streams, query, shipTo, pageSize) : Mono.empty())
			.last()
			.map(streams -> result(streams, offset, first));
	}

	private Mono<List<Stream>> next(List<Stream> streams, String query, CountryCode shipTo, int pageSize) {
		return Flux.fromIterable(streams)
			.flatMapSequential(stream -> stream.fetchNext(query, shipTo, pageSize))
			.collectList();
	}

	private static boolean needsMore(List<Stream> streams, int wanted) {
		Merge merge = Merge.of(streams);
		return merge.gtins.size() < wanted && !merge.complete;
	}

	private static SearchResult result(List<Stream> streams, int offset, int first) {
		Merge merge = Merge.of(streams);
		List<Gtin> all = merge.gtins;
		List<Gtin> page = (offset < all.size()) ? all.subList(offset, Math.min(all.size(), offset + first)) : List.of();
		int total = merge.complete ? all.size() : streams.stream().mapToInt(s -> s.total).sum() - merge.duplicates;
		List<MarketplaceFailure> failures = streams.stream()
			.filter(s -> s.failure != null)
			.map(s -> new MarketplaceFailure(s.marketplace.marketplace(), s.failure))
			.toList();
		return new SearchResult(page, offset, all.size() > offset + first, total, failures);
	}

	/** What one marketplace has answered so far. */
	private record Stream(MarketplaceCatalog marketplace, List<Gtin> hits, int scanned, int total,
			@Nullable Throwable failure) {

		Stream(MarketplaceCatalog marketplace) {
			this(marketplace, List.of(), 0, Integer.MAX_VALUE, null);
		}

		boolean exhausted() {
			return this.failure != null || this.scanned >= this.total;
		}

		Mono<Stream> fetchNext(String query, CountryCode shipTo, int pageSize) {
			if (exhausted()) {
				return Mono.just(this);
			}
			return this.marketplace.search(query, shipTo, this.scanned, pageSize)
				.map(this::append)
				.onErrorResume(ex -> Mono.just(new Stream(this.marketplace, this.hits, this.scanned, 0, ex)));
		}

		private Stream append(SearchHits page) {
			List<Gtin> all = new ArrayList<>(this.hits);
			all.addAll(page.gtins());
			int total = (page.scanned() == 0) ? this.scanned : page.total();
			return new Stream(this.marketplace, all, this.scanned + page.scanned(), total, null);
		}

	}

	/** The round-robin merge of what the streams have so far, as far as it is certain. */
	private static final class Merge {

		private final List<Gtin> gtins = new ArrayList<>();

		private final Set<Gtin> seen = new HashSet<>();

		private int duplicates;

		private boolean complete;

		static Merge of(List<Stream> streams) {
			Merge merge = new Merge();
			int rank = 0;
			while (merge.take(streams, rank)) {
				rank++;
			}
			return merge;
		}

		/**
		 * Takes every stream's hit at this rank; false once nothing follows or is yet
		 * known.
		 */
		private boolean take(List<Stream> streams, int rank) {
			boolean taken = false;
			for (Stream stream : streams) {
				if (rank < stream.hits.size()) {
					add(stream.hits.get(rank));
					taken = true;
				}
				else if (!stream.exhausted()) {
					return false;
				}
			}
			this.complete = !taken;
			return taken;
		}

		private void add(Gtin gtin) {
			if (this.seen.add(gtin)) {
				this.gtins.add(gtin);
			}
			else {
				this.duplicates++;
			}
		}

	}

}
