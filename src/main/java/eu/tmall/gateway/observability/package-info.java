/**
 * What the upstream and GraphQL layers share to be observed: the per-request tally of
 * upstream calls and cache hits, the current trace id, the rate-limit counters, and the
 * buffer the request summary lines are written through.
 */
@NullMarked
package eu.tmall.gateway.observability;

import org.jspecify.annotations.NullMarked;
