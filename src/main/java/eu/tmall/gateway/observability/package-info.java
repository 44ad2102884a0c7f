/**
 * What the upstream and GraphQL layers share to be observed: the per-request tally of
 * upstream calls and cache hits, the current trace id, and the rate-limit counters.
 */
@NullMarked
package eu.tmall.gateway.observability;

import org.jspecify.annotations.NullMarked;
