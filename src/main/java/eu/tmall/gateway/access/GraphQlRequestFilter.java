package eu.tmall.gateway.access;

import java.time.Duration;
import java.util.List;

import eu.tmall.gateway.observability.RateLimitMetrics;
import eu.tmall.gateway.graphql.AdmittedRequest;
import eu.tmall.gateway.observability.RequestClient;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Everything about a GraphQL request that is decided before it is executed: who sent it
 * and whether they may (401, 429 with Retry-After, 403 for an operation a client is not
 * trusted with or a publishable key from another origin), and whether it is a well-formed
 * GraphQL-over-HTTP request (400, 413, 415). CORS for the pages of publishable keys is
 * decided here too; first-party origins' is spring-graphql's. A GET query goes on as the
 * equivalent POST, so spring-graphql serves both.
 */
class GraphQlRequestFilter implements WebFilter, Ordered {

	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final List<MediaType> GRAPHQL_RESPONSES = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_GRAPHQL_RESPONSE);

	private final PathPattern path;

	private final Callers callers;

	private final PublishableKeys publishable;

	private final CorsProcessor cors = new DefaultCorsProcessor();

	private final TrustedDocuments publishedDocuments;

	private final RateLimits rateLimits;

	private final RateLimitMetrics rateLimitMetrics;

	private final GraphQlRequestReader reader;

	private final int maxCharacters;

	private final ErrorResponses errors;

	GraphQlRequestFilter(String path, Callers callers, PublishableKeys publishable, TrustedDocuments publishedDocuments,
			RateLimits rateLimits, RateLimitMetrics rateLimitMetrics, long maxRequestBytes, int maxCharacters,
			JsonMapper json, ErrorResponses errors) {
		// parsed as spring-graphql's routes parse it, so what is checked is what is
		// routed
		this.path = PathPatternParser.defaultInstance
			.parse(PathPatternParser.defaultInstance.initFullPathPattern(path));
		this.callers = callers;
		this.publishable = publishable;
		this.publishedDocuments = publishedDocuments;
		this.rateLimits = rateLimits;
		this.rateLimitMetrics = rateLimitMetrics;
		this.reader = new GraphQlRequestReader(maxRequestBytes, json);
		this.maxCharacters = maxCharacters;
		this.errors = errors;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.path.matches(request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		if (this.publishable.isAllowedOrigin(request.getHeaders().getOrigin())) {
			// spring-graphql's CORS then finds the answer allowed and leaves it be
			boolean allowed = this.cors.process(this.publishable.cors(), exchange);
			if (!allowed || CorsUtils.isPreFlightRequest(request)) {
				return exchange.getResponse().setComplete();
			}
		}
		if (!isGraphQlRequest(request)) {
			return chain.filter(exchange);
		}
		Client client;
		try {
			client = this.callers.identify(request);
		}
		catch (RefusedRequest refusal) {
			return this.errors.write(exchange, refusal);
		}
		if (!client.keyed()) {
			return admitted(exchange, chain, client);
		}
		// with a shared tier the bucket is in Redis: asked without blocking the event
		// loop
		return this.rateLimits.tryAcquire(client.id())
			.flatMap(retryAfter -> refused(client, retryAfter))
			.switchIfEmpty(Mono.defer(() -> admitted(exchange, chain, client)))
			.onErrorResume(RefusedRequest.class, refusal -> this.errors.write(exchange, refusal));
	}

	private Mono<Void> refused(Client client, Duration retryAfter) {
		this.rateLimitMetrics.rejected(client.id());
		return Mono.error(RefusedRequest.rateLimited(client.id(), retryAfter));
	}

	private Mono<Void> admitted(ServerWebExchange exchange, WebFilterChain chain, Client client) {
		exchange.getAttributes().put(RequestClient.ATTRIBUTE, client.id());
		boolean get = HttpMethod.GET.equals(exchange.getRequest().getMethod());
		return this.reader.read(exchange.getRequest())
			.map(parameters -> prepare(parameters, client, get))
			.map(parameters -> handedOn(exchange, parameters, get))
			.flatMap(chain::filter)
			.onErrorResume(RefusedRequest.class, refusal -> this.errors.write(exchange, refusal));
	}

	private boolean isGraphQlRequest(ServerHttpRequest request) {
		if (CorsUtils.isPreFlightRequest(request)) {
			return false;
		}
		if (HttpMethod.POST.equals(request.getMethod())) {
			return true;
		}
		// a browser opening the URL asks for HTML: spring-graphql answers it with 405
		return HttpMethod.GET.equals(request.getMethod()) && acceptsGraphQlResponse(request);
	}

	private static boolean acceptsGraphQlResponse(ServerHttpRequest request) {
		try {
			List<MediaType> accepted = request.getHeaders().getAccept();
			return accepted.isEmpty() || accepted.stream()
				.anyMatch(accept -> GRAPHQL_RESPONSES.stream().anyMatch(accept::isCompatibleWith));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private GraphQlRequestBody prepare(GraphQlRequestBody body, Client client, boolean get) {
		String query = body.query();
		if (query != null && query.length() > this.maxCharacters) {
			throw RefusedRequest.tooLarge(HttpStatus.BAD_REQUEST,
					"the query has %d characters, more than gateway.limits.max-characters (%d)"
						.formatted(query.length(), this.maxCharacters));
		}
		GraphQlRequestBody prepared = resolveDocument(body, client);
		if (get && !isQuery(prepared)) {
			throw RefusedRequest.getNotForMutations();
		}
		return prepared;
	}

	private GraphQlRequestBody resolveDocument(GraphQlRequestBody body, Client client) {
		String hash = body.persistedQueryHash();
		TrustedDocuments trusted = client.trustedDocuments();
		if (trusted != null) {
			String id = (hash != null || body.query() == null) ? hash : Sha256.hex(body.query());
			String document = (id != null) ? trusted.find(id) : null;
			if (document == null) {
				throw RefusedRequest.notTrusted(client.id(), (id != null) ? id : "a request without a query");
			}
			return body.withQuery(document);
		}
		if (body.query() != null) {
			return body;
		}
		if (hash != null) {
			// the widget's documents are known by their hash to every caller; for any
			// other hash spring-graphql hands graphql-java its persisted-query marker
			String published = this.publishedDocuments.find(hash);
			return (published != null) ? body.withQuery(published) : body;
		}
		throw RefusedRequest.badRequest("the request has no 'query' (nor an extensions.persistedQuery.sha256Hash)");
	}

	/**
	 * Whether the operation a GET would run is a query; a document that does not parse is
	 * left to graphql-java.
	 */
	private static boolean isQuery(GraphQlRequestBody body) {
		if (body.query() == null) {
			// a hash alone is looked up later; the schema has no mutations to run anyway
			return true;
		}
		Document document;
		try {
			document = Parser.parse(body.query());
		}
		catch (InvalidSyntaxException ex) {
			return true;
		}
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter(operation -> body.operationName() == null || body.operationName().equals(operation.getName()))
			.allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY);
	}

	/**
	 * The exchange as spring-graphql's routes take it: the checked request in
	 * {@link AdmittedRequest#ATTRIBUTE}, which both its handlers run without reading the
	 * body, and a GET as the POST it stands for.
	 */
	private ServerWebExchange handedOn(ServerWebExchange exchange, GraphQlRequestBody body, boolean get) {
		exchange.getAttributes().put(AdmittedRequest.ATTRIBUTE, body.toGraphQlRequest());
		if (!get) {
			return exchange;
		}
		ServerHttpRequest post = exchange.getRequest()
			.mutate()
			.method(HttpMethod.POST)
			.headers(headers -> headers.setContentType(MediaType.APPLICATION_JSON))
			.build();
		return exchange.mutate().request(post).build();
	}

}
