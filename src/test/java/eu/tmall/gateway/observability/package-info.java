/**
 * Tests of what operators see: metrics, traces, logs.
 */
@NullMarked
package eu.tmall.gateway.observability;

import org.jspecify.annotations.NullMarked;
