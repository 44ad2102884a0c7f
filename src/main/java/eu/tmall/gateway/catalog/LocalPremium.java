package eu.tmall.gateway.catalog;

import java.math.BigDecimal;

import eu.tmall.gateway.pricing.Money;

/**
 * What buying from inside the EU costs over importing: negative when the local offer is
 * the cheaper one.
 *
 * @param amount the local offer's landed cost minus the import's
 * @param percent {@code amount} as a percentage of the import's landed cost, one decimal
 */
public record LocalPremium(Money amount, BigDecimal percent) {

}
