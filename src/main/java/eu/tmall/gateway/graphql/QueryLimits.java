package eu.tmall.gateway.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request the gateway takes, and how much of the upstreams one request may
 * use. Every refusal names the limit and its value.
 *
 * @param maxRequestSize the largest request body (HTTP 413 beyond)
 * @param maxCharacters the longest query document
 * @param maxTokens the most grammar tokens a document may have (graphql-java's parser
 * stops counting there)
 * @param maxWhitespaceTokens the most whitespace and comment tokens a document may have;
 * graphql-java counts every space of an indentation as one
 * @param maxRuleDepth the deepest grammar-rule nesting the parser follows
 * @param maxDepth the deepest field nesting, fragments included
 * @param maxComplexity the most a query may cost: every field costs one, a list field
 * multiplies what it selects by its {@code first} or by its number of GTINs, and every
 * upstream call a field makes adds {@code upstreamCallCost} ({@link QueryCost})
 * @param maxAliases the most aliased fields in a document
 * @param maxSearchDepth how deep a search can be paged: a cursor past this many results
 * is refused
 * @param upstreamCallCost what one upstream call adds to a query's cost
 * @param maxUpstreamCalls the most calls one request makes to each upstream, retries
 * included; the fields that would need more are answered with an error
 * @param requestDeadline how long one request may wait for the upstreams; the fields
 * still waiting then are answered with an error
 */
@ConfigurationProperties("gateway.limits")
public record QueryLimits(@DefaultValue("100KB") DataSize maxRequestSize, @DefaultValue("20000") int maxCharacters,
		@DefaultValue("5000") int maxTokens, @DefaultValue("20000") int maxWhitespaceTokens,
		@DefaultValue("500") int maxRuleDepth, @DefaultValue("15") int maxDepth,
		@DefaultValue("5000") int maxComplexity, @DefaultValue("30") int maxAliases,
		@DefaultValue("500") int maxSearchDepth, @DefaultValue("10") int upstreamCallCost,
		@DefaultValue("40") int maxUpstreamCalls, @DefaultValue("5s") Duration requestDeadline) {

	public QueryLimits {
		if (maxCharacters < 1 || maxTokens < 1 || maxWhitespaceTokens < 1 || maxRuleDepth < 1 || maxDepth < 1
				|| maxComplexity < 1 || maxAliases < 0 || maxRequestSize.toBytes() < 1 || maxSearchDepth < 1
				|| upstreamCallCost < 0 || maxUpstreamCalls < 1 || requestDeadline.isNegative()
				|| requestDeadline.isZero()) {
			throw new IllegalArgumentException("gateway.limits must be positive");
		}
	}

}
