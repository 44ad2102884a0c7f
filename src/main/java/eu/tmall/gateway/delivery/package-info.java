/**
 * Where an offer ships from, how long it takes to the shopper and how that is said.
 */
@NullMarked
package eu.tmall.gateway.delivery;

import org.jspecify.annotations.NullMarked;
