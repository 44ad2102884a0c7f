package eu.tmall.gateway.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.delivery.ShippingOption;
import reactor.core.publisher.Mono;

/**
 * One marketplace's offers, as the catalog needs them. Bulk lookups answer with a map, so
 * a product or id the marketplace does not know is simply absent.
 */
public interface MarketplaceCatalog {

	Marketplace marketplace();

	Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo);

	Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo);

	/** Every way the offer can travel to its destination, the default one first. */
	Mono<List<ShippingOption>> shippingOptions(Offer offer);

	/** One page of the marketplace's own search, in its order of relevance. */
	Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit);

}
