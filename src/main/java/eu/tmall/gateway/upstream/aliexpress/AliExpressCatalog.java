package eu.tmall.gateway.upstream.aliexpress;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.Marketplace;
import eu.tmall.gateway.catalog.MarketplaceCatalog;
import eu.tmall.gateway.catalog.Offer;
import eu.tmall.gateway.catalog.SearchHits;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamException;
import reactor.core.publisher.Mono;

/**
 * AliExpress as a marketplace of the catalog: the client's products mapped to offers.
 */
public class AliExpressCatalog implements MarketplaceCatalog {

	private final AliExpressClient client;

	public AliExpressCatalog(AliExpressClient client) {
		this.client = client;
	}

	@Override
	public Marketplace marketplace() {
		return Marketplace.ALIEXPRESS;
	}

	@Override
	public Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo) {
		List<String> eans = gtins.stream().map(Gtin::toString).toList();
		return this.client.findByEans(eans, shipTo.value())
			.mapNotNull(product -> AliExpressMapping.toOffer(product, shipTo))
			.collect(Collectors.groupingBy(Offer::gtin));
	}

	@Override
	public Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo) {
		return this.client.findByIds(offerIds, shipTo.value())
			.mapNotNull(product -> AliExpressMapping.toOffer(product, shipTo))
			.collectMap(Offer::offerId);
	}

	/** AliExpress quotes every option only one product a call. */
	@Override
	public Mono<List<ShippingOption>> shippingOptions(Offer offer) {
		return this.client.freight(offer.offerId(), offer.shipTo().value())
			.map(option -> AliExpressMapping.toShippingOption(option, offer.shipTo()))
			.collectList()
			.onErrorMap(ex -> ex instanceof IllegalArgumentException || ex instanceof NullPointerException,
					ex -> new UpstreamException(Upstream.ALIEXPRESS, UpstreamException.Kind.BAD_RESPONSE,
							"sent a delivery option that breaks the contract: " + ex.getMessage(), ex));
	}

	/**
	 * Asks for the page of the platform's 1-based paging that starts at {@code offset}.
	 */
	@Override
	public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
		if (offset % limit != 0) {
			return Mono.error(new IllegalArgumentException(
					"AliExpress pages by page number: offset %d is not a multiple of %d".formatted(offset, limit)));
		}
		return this.client.search(query, shipTo.value(), offset / limit + 1, limit)
			.map(page -> new SearchHits(
					page.list().stream().map(AliExpressMapping::gtinOf).flatMap(List::stream).toList(),
					covered(page, offset, limit), page.total()));
	}

	/**
	 * A page covers its whole slot of results even when the platform answers it short, so
	 * the next page number stays aligned; an empty page covers nothing and ends the
	 * search.
	 */
	private static int covered(AliExpressProductPage page, int offset, int limit) {
		return page.list().isEmpty() ? 0 : Math.min(limit, Math.max(page.list().size(), page.total() - offset));
	}

}
