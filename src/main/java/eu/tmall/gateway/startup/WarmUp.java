package eu.tmall.gateway.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import eu.tmall.gateway.upstream.CacheProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Replays a few representative operations against the gateway's own public port as soon
 * as it listens, through the whole HTTP and GraphQL stack, so that the upstream
 * connection pools are open, the caches, calendars and formatters built and the JIT has
 * compiled the hot paths before readiness says so ({@link WarmUpAvailability}). It runs
 * on the HTTP client's threads: the main thread only starts it.
 * <p>
 * What it costs upstream: one search primes the caches (a search call per marketplace,
 * and one batched lookup per marketplace of the offers of the products found), then
 * {@code product}, {@code products} and the same search are replayed from the caches
 * alone, so against the real platforms a start costs a handful of calls, whatever
 * {@code duration} says. With the caches off nothing is replayed. The first answer
 * carrying an error ends the warm-up, as does its timeout: the gateway then reports ready
 * anyway, with one WARN, since an upstream down at start must not keep every instance
 * unready (nor fill the log).
 */
class WarmUp implements ApplicationListener<ApplicationStartedEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(WarmUp.class);

	// the request summary lines would be thousands: silenced while the warm-up replays
	private static final String REQUEST_LOG = "eu.tmall.gateway.requests";

	private static final List<String> LANGUAGES = List.of("en", "de", "es", "fr", "pl", "it");

	private static final List<String> CURRENCIES = List.of("EUR", "PLN", "SEK");

	private final WarmUpProperties properties;

	private final WarmUpAvailability availability;

	private final boolean cachesEnabled;

	private final JsonMapper json;

	private final LoggingSystem logging;

	private final String search = document("search");

	private final String product = document("product");

	private final String products = document("products");

	private volatile @Nullable Disposable running;

	private volatile boolean finished;

	WarmUp(WarmUpProperties properties, WarmUpAvailability availability, CacheProperties caches, JsonMapper json,
			LoggingSystem logging) {
		this.properties = properties;
		this.availability = availability;
		this.cachesEnabled = caches.enabled();
		this.json = json;
		this.logging = logging;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (!this.properties.enabled() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			finish();
			return;
		}
		String origin = "http://127.0.0.1:" + web.getWebServer().getPort();
		// not the configured builder: its observations would count these as upstream
		// calls
		WebClient client = WebClient.builder()
			.baseUrl(origin + "/graphql")
			.defaultHeader(HttpHeaders.ORIGIN, origin)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
		long started = System.nanoTime();
		LogLevel requestLog = this.logging.getLoggerConfiguration(REQUEST_LOG).getConfiguredLevel();
		this.logging.setLogLevel(REQUEST_LOG, LogLevel.WARN);
		this.running = prime(client).flatMap(gtins -> replay(client, gtins))
			.timeout(this.properties.timeout())
			.doFinally(signal -> this.logging.setLogLevel(REQUEST_LOG, requestLog))
			.subscribe(requests -> {
				logger.info("Warmed up in {} ms ({} requests replayed): ready", millisSince(started), requests);
				finish();
			}, ex -> {
				logger.warn("Warm-up stopped after {} ms, ready anyway: {}", millisSince(started), reason(ex));
				finish();
			});
	}

	/** The GTINs the search found, its answers now cached. */
	private Mono<List<String>> prime(WebClient client) {
		return post(client, this.search, Map.of("query", this.properties.query(), "shipTo", this.properties.shipTo()),
				"en")
			.handle((answer, sink) -> {
				List<String> gtins = new ArrayList<>();
				answer.path("data").path("search").path("edges").forEach(edge -> gtins.add(gtin(edge)));
				if (gtins.isEmpty()) {
					sink.error(new IllegalStateException("the search for '%s' to %s found no product"
						.formatted(this.properties.query(), this.properties.shipTo())));
					return;
				}
				sink.next(gtins);
			});
	}

	/** Operations answered from the caches, for {@code duration}; how many were made. */
	private Mono<Long> replay(WebClient client, List<String> gtins) {
		if (!this.cachesEnabled) {
			return Mono.just(0L);
		}
		long end = System.nanoTime() + this.properties.duration().toNanos();
		return Flux.range(0, Integer.MAX_VALUE)
			.takeWhile(i -> System.nanoTime() < end)
			.flatMap(i -> operation(client, i, gtins), this.properties.concurrency())
			.count();
	}

	private Mono<JsonNode> operation(WebClient client, int i, List<String> gtins) {
		String language = LANGUAGES.get(i % LANGUAGES.size());
		String shipTo = this.properties.shipTo();
		// mostly the cheapest operation: what is left to compile at speed is what every
		// request runs, the HTTP and GraphQL layers around the resolvers
		return switch (i % 8) {
			case 0 -> post(client, this.products, Map.of("gtins", gtins, "shipTo", shipTo), language);
			case 4 -> post(client, this.search, Map.of("query", this.properties.query(), "shipTo", shipTo), language);
			default -> post(client, this.product, Map.of("gtin", gtins.get(i % gtins.size()), "shipTo", shipTo,
					"currency", CURRENCIES.get(i % CURRENCIES.size())), language);
		};
	}

	/** The answer, or an error with the first GraphQL error's message. */
	private Mono<JsonNode> post(WebClient client, String document, Map<String, Object> variables, String language) {
		return client.post()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.bodyValue(this.json.writeValueAsString(Map.of("query", document, "variables", variables)))
			.retrieve()
			.bodyToMono(String.class)
			.handle((body, sink) -> {
				JsonNode answer = this.json.readTree(body);
				if (answer.has("errors")) {
					sink.error(new IllegalStateException(answer.path("errors").path(0).path("message").asString()));
					return;
				}
				sink.next(answer);
			});
	}

	private static String gtin(JsonNode edge) {
		return edge.path("node").path("gtin").asString();
	}

	private void finish() {
		this.finished = true;
		this.availability.warmedUp();
	}

	/** Whether the warm-up is over, done or given up. */
	boolean finished() {
		return this.finished;
	}

	@Override
	public void destroy() {
		Disposable warmUp = this.running;
		if (warmUp != null) {
			warmUp.dispose();
		}
	}

	private String reason(Throwable ex) {
		return (ex instanceof TimeoutException)
				? "not finished within gateway.warm-up.timeout=" + this.properties.timeout() : ex.getMessage();
	}

	private static long millisSince(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("warm-up/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
