/**
 * Money, currencies and what an offer costs the shopper.
 */
@NullMarked
package eu.tmall.gateway.pricing;

import org.jspecify.annotations.NullMarked;
