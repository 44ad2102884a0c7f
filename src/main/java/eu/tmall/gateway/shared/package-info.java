/**
 * The shared tier: the state instances behind one load balancer share in Redis
 * (rate-limit buckets, persisted queries, the offers' second cache level), optional, and
 * never a reason for a request to fail.
 */
@NullMarked
package eu.tmall.gateway.shared;

import org.jspecify.annotations.NullMarked;
