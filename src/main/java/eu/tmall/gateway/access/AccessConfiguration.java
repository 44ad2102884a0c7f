package eu.tmall.gateway.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.tmall.gateway.graphql.QueryLimits;
import eu.tmall.gateway.observability.RateLimitMetrics;
import eu.tmall.gateway.observability.TraceIds;
import eu.tmall.gateway.shared.SharedTier;
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
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;

/**
 * The path firewall in front of every request, the partner and publishable-key registries
 * and the checks in front of the GraphQL endpoint, the interceptor that refuses what did
 * not pass them, and the admission limit behind them.
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
	 * The headers every answer should carry, written by Spring Security: no MIME
	 * sniffing, no framing of GraphiQL, no referrer to the CDN its assets come from;
	 * first, so that refusals carry them too. One writer for the three: each writer walks
	 * all the headers of the answer before it writes its own, so three cost three walks
	 * per request.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HttpHeaderWriterWebFilter securityHeaders() {
		return new HttpHeaderWriterWebFilter(StaticServerHttpHeadersWriter.builder()
			.header("X-Content-Type-Options", "nosniff")
			.header("X-Frame-Options", "DENY")
			.header("Referrer-Policy", "no-referrer")
			.build());
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
	GraphQlRequestFilter graphQlRequestFilter(ClientsProperties clients, LoopbackCallers.Properties loopback,
			GraphQlProperties graphQl, GraphQlCorsProperties cors, QueryLimits limits, JsonMapper json, Clock clock,
			RateLimitMetrics rateLimitMetrics, ErrorResponses errors, ResourceLoader resources, SharedTier shared) {
		List<ApiKeys.Entry> keys = new ArrayList<>();
		Map<String, ClientsProperties.RateLimit> rateLimits = new HashMap<>();
		clients.partners().forEach((id, partner) -> {
			TrustedDocuments trusted = (partner.trustedDocuments() != null)
					? TrustedDocuments.read(partner.trustedDocuments(), json) : null;
			keys.add(new ApiKeys.Entry(partner.keySha256(), new Client(id, Client.Kind.PARTNER, trusted)));
			rateLimits.put(id, partner.rateLimit());
			logger.info("Partner '{}': {} requests at once, {} more every {}{}", id, partner.rateLimit().capacity(),
					partner.rateLimit().refill(), partner.rateLimit().period(),
					(trusted != null) ? ", only its " + trusted.size() + " trusted documents" : "");
		});
		PublishableKeys publishable = publishableKeys(clients, rateLimits, json);
		if (!loopback.requireKey()) {
			logger.warn("Requests from this machine need no API key (gateway.clients.loopback.require-key=false): "
					+ "for a developer's machine only");
		}
		Callers callers = new Callers(new ApiKeys(keys), publishable, cors.toCorsConfiguration(), clients.requireKey(),
				loopback.requireKey());
		TrustedDocuments widget = TrustedDocuments.read(resources.getResource(TrustedDocuments.WIDGET), json);
		return new GraphQlRequestFilter(graphQl.getHttp().getPath(), callers, publishable, widget,
				new RateLimits(rateLimits, clock, shared), rateLimitMetrics, limits.maxRequestSize().toBytes(),
				limits.maxCharacters(), json, errors);
	}

	private static PublishableKeys publishableKeys(ClientsProperties clients,
			Map<String, ClientsProperties.RateLimit> rateLimits, JsonMapper json) {
		List<PublishableKeys.Entry> entries = new ArrayList<>();
		clients.publishable().forEach((id, widget) -> {
			TrustedDocuments trusted = TrustedDocuments.read(widget.trustedDocuments(), json);
			Client client = new Client(id, Client.Kind.PUBLISHABLE, trusted);
			entries.add(new PublishableKeys.Entry(widget.key(), client, Set.copyOf(widget.allowedOrigins())));
			rateLimits.put(id, widget.rateLimit());
			// the key is public: logged, so that an operator sees which key is which
			logger.info(
					"Publishable key '{}' ({}) for {}: {} requests at once, {} more every {}, its {} trusted"
							+ " documents",
					id, widget.key(), widget.allowedOrigins(), widget.rateLimit().capacity(),
					widget.rateLimit().refill(), widget.rateLimit().period(), trusted.size());
		});
		return new PublishableKeys(entries);
	}

}
