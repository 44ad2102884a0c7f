/**
 * The embedded Tmall Europe and AliExpress upstreams: WireMock servers answering the wire
 * contract from a deterministic generated catalog.
 */
@NullMarked
package eu.tmall.gateway.embedded;

import org.jspecify.annotations.NullMarked;
