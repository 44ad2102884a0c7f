package eu.tmall.gateway.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.graphql.QueryLimits;
import eu.tmall.gateway.observability.RateLimitMetrics;
import eu.tmall.gateway.observability.TraceIds;
import org.slf4j.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

/**
 * The path firewall in front of every request, the partner registry and the checks in
 * front of the GraphQL endpoint, the interceptor that refuses what did not pass them, and
 * the admission limit behind them.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(AccessConfiguration.class);

	@Bean
	ErrorResponses errorResponses(JsonMapper json, TraceIds traceIds) {
		return new ErrorResponses(json, traceIds::current);
	}

	@Bean
	PathFirewall pathFirewall(ErrorResponses errors) {
		return new PathFirewall(errors);
	}

	/**
	 * Spring Security's writers of the headers every answer should carry: no MIME
	 * sniffing, no framing of GraphiQL, no referrer to the CDN its assets come from;
	 * first, so that refusals carry them too.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HttpHeaderWriterWebFilter securityHeaders() {
		return new HttpHeaderWriterWebFilter(
				new CompositeServerHttpHeadersWriter(new XContentTypeOptionsServerHttpHeadersWriter(),
						new XFrameOptionsServerHttpHeadersWriter(), new ReferrerPolicyServerHttpHeadersWriter()));
	}

	@Bean
	AdmittedOnly admittedOnly() {
		return new AdmittedOnly();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "gateway.admission.enabled", matchIfMissing = true)
	AdmissionLimit admissionLimit(AdmissionProperties properties, ErrorResponses errors, MeterRegistry registry) {
		return new AdmissionLimit(properties, errors, registry, Schedulers.parallel());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "gateway.admission.enabled", matchIfMissing = true)
	AdmissionOutcomes admissionOutcomes() {
		return new AdmissionOutcomes();
	}

	@Bean
	GraphQlRequestFilter graphQlRequestFilter(ClientsProperties clients, GraphQlProperties graphQl,
			GraphQlCorsProperties cors, QueryLimits limits, JsonMapper json, Clock clock,
			RateLimitMetrics rateLimitMetrics, ErrorResponses errors) {
		List<ApiKeys.Entry> keys = new ArrayList<>();
		Map<String, ClientsProperties.RateLimit> rateLimits = new HashMap<>();
		clients.partners().forEach((id, partner) -> {
			TrustedDocuments trusted = (partner.trustedDocuments() != null)
					? TrustedDocuments.read(partner.trustedDocuments(), json) : null;
			keys.add(new ApiKeys.Entry(partner.keySha256(), new Client(id, true, trusted)));
			rateLimits.put(id, partner.rateLimit());
			logger.info("Partner '{}': {} requests at once, {} more every {}{}", id, partner.rateLimit().capacity(),
					partner.rateLimit().refill(), partner.rateLimit().period(),
					(trusted != null) ? ", only its " + trusted.size() + " trusted documents" : "");
		});
		Callers callers = new Callers(new ApiKeys(keys), cors.toCorsConfiguration(), clients.requireKey());
		return new GraphQlRequestFilter(graphQl.getHttp().getPath(), callers, new RateLimits(rateLimits, clock),
				rateLimitMetrics, limits.maxRequestSize().toBytes(), limits.maxCharacters(), json, errors);
	}

}
