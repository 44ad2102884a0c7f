package eu.tmall.gateway.embedded;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded upstreams, started in-process for every upstream without a base URL.
 *
 * @param latency the delay added to every upstream answer
 * @param verifySignatures whether a badly signed call gets the platform's error envelope
 * @param tmallPort the Tmall Europe server's port, 0 for a free one
 * @param aliexpressPort the AliExpress server's port, 0 for a free one
 * @param journalEntries how many requests each server remembers for tests to count, 0 for
 * none (load tests)
 */
@ConfigurationProperties("gateway.embedded")
public record EmbeddedProperties(@DefaultValue("30ms") Duration latency, @DefaultValue("true") boolean verifySignatures,
		@DefaultValue("0") int tmallPort, @DefaultValue("0") int aliexpressPort,
		@DefaultValue("1000") int journalEntries) {

}
