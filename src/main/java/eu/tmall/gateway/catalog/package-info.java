/**
 * The federated model: products matched on their GTIN, with offers from both
 * marketplaces.
 */
@NullMarked
package eu.tmall.gateway.catalog;

import org.jspecify.annotations.NullMarked;
