package eu.tmall.gateway.upstream;

/**
 * Connections to upstreams served in-process, for the upstreams that have no configured
 * base URL (implemented by the embedded upstreams, so this package does not depend on
 * them).
 */
public interface EmbeddedConnections {

	UpstreamConnection connection(Upstream upstream);

}
