package eu.tmall.gateway.upstream.tmall;

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
import reactor.core.publisher.Mono;

/**
 * Tmall Europe as a marketplace of the catalog: the client's listings mapped to offers.
 */
public class TmallCatalog implements MarketplaceCatalog {

	private final TmallClient client;

	public TmallCatalog(TmallClient client) {
		this.client = client;
	}

	@Override
	public Marketplace marketplace() {
		return Marketplace.TMALL_EUROPE;
	}

	@Override
	public Mono<Map<Gtin, List<Offer>>> findByGtins(Collection<Gtin> gtins, CountryCode shipTo) {
		List<String> codes = gtins.stream().map(Gtin::toString).toList();
		return this.client.findByGtins(codes, shipTo.value())
			.mapNotNull(listing -> TmallMapping.toOffer(listing, shipTo))
			.collect(Collectors.groupingBy(Offer::gtin));
	}

	@Override
	public Mono<Map<String, Offer>> findByIds(Collection<String> offerIds, CountryCode shipTo) {
		return this.client.findByIds(offerIds, shipTo.value())
			.mapNotNull(listing -> TmallMapping.toOffer(listing, shipTo))
			.collectMap(Offer::offerId);
	}

	/** A Tmall Europe listing has one delivery, quoted with it: no call needed. */
	@Override
	public Mono<List<ShippingOption>> shippingOptions(Offer offer) {
		return Mono.just(List
			.of(new ShippingOption(offer.shipment().carrier(), offer.shipment(), offer.shippingFee(), offer.shipTo())));
	}

	@Override
	public Mono<SearchHits> search(String query, CountryCode shipTo, int offset, int limit) {
		return this.client.search(query, shipTo.value(), offset, limit)
			.map(page -> new SearchHits(
					page.listings().stream().map(TmallMapping::gtinOf).flatMap(List::stream).toList(),
					page.listings().size(), page.total()));
	}

}
