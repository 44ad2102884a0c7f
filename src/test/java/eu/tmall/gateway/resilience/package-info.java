/**
 * Tests of the gateway under upstream faults: timeouts, retries, breakers, stale answers
 * and readiness.
 */
@NullMarked
package eu.tmall.gateway.resilience;

import org.jspecify.annotations.NullMarked;
