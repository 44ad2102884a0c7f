package eu.tmall.gateway.graphql;

import eu.tmall.gateway.delivery.CountryCode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway as a subgraph of an Apollo Federation supergraph.
 *
 * @param shipTo the destination a product that another subgraph references by its GTIN is
 * looked up for when its selection gives no {@code shipTo} to {@code offers},
 * {@code bestOffer} or {@code comparison}: it describes the product ({@code title},
 * {@code brand}, …), since the marketplaces answer for a destination only
 */
@ConfigurationProperties("gateway.federation")
record FederationProperties(@DefaultValue("DE") CountryCode shipTo) {

	FederationProperties {
		if (!shipTo.isEu()) {
			throw new IllegalArgumentException(
					"gateway.federation.ship-to must be an EU country (a destination), not " + shipTo);
		}
	}

}
