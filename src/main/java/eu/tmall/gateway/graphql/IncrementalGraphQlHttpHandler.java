package eu.tmall.gateway.graphql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.incremental.DelayedIncrementalPartialResult;
import graphql.incremental.IncrementalPayload;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * spring-graphql's HTTP handler, which writes one JSON answer, and for a request with
 * deferred fragments ({@link IncrementalDelivery}) a {@code multipart/mixed} answer
 * instead: the first result, then each deferred fragment as it completes, every part
 * written out at once. The parts follow Apollo's incremental delivery format
 * ({@code deferSpec=20220824}), which graphql-java's payloads ({@code hasNext},
 * {@code incremental} with {@code path}, {@code label}, {@code data}, {@code errors})
 * are, and which Apollo Client and urql read.
 */
class IncrementalGraphQlHttpHandler extends GraphQlHttpHandler {

	private static final String BOUNDARY = "graphql";

	static final MediaType MULTIPART_DEFER = MediaType
		.parseMediaType("multipart/mixed;boundary=\"" + BOUNDARY + "\";deferSpec=20220824");

	private static final byte[] OPENING = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PART_HEAD = "\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CLOSING = "--\r\n".getBytes(StandardCharsets.US_ASCII);

	private final WebGraphQlHandler graphQlHandler;

	private final JsonMapper json;

	IncrementalGraphQlHttpHandler(WebGraphQlHandler graphQlHandler, JsonMapper json) {
		super(graphQlHandler);
		this.graphQlHandler = graphQlHandler;
		this.json = json;
	}

	/**
	 * Executes the request the access filter read ({@link AdmittedRequest}), instead of
	 * decoding the body a second time as spring-graphql's handler would.
	 */
	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		// copied into the GraphQL request's attributes, where IncrementalDelivery fills
		// it
		request.attributes().put(IncrementalDelivery.ATTRIBUTE, new IncrementalDelivery.Later());
		return AdmittedRequest.of(request)
			.flatMap(this.graphQlHandler::handleRequest)
			.flatMap(response -> prepareResponse(request, response));
	}

	@Override
	protected Mono<ServerResponse> prepareResponse(ServerRequest request, WebGraphQlResponse response) {
		IncrementalDelivery.Deferred deferred = (request.attributes()
			.get(IncrementalDelivery.ATTRIBUTE) instanceof IncrementalDelivery.Later later) ? later.deferred : null;
		if (deferred == null) {
			return super.prepareResponse(request, response);
		}
		Map<String, Object> first = new LinkedHashMap<>(response.toMap());
		Map<String, Object> initial = deferred.result().toSpecification();
		first.put("hasNext", initial.get("hasNext"));
		if (initial.containsKey("incremental")) {
			first.put("incremental", initial.get("incremental"));
		}
		Flux<Map<String, Object>> later = Flux.from(deferred.result().getIncrementalItemPublisher())
			.map(part -> specification(part, deferred));
		return ServerResponse.ok()
			.headers(headers -> headers.putAll(response.getResponseHeaders()))
			.contentType(MULTIPART_DEFER)
			.body((message, context) -> write(message, Flux.concat(Mono.just(first), later)));
	}

	/**
	 * Each part is written with the delimiter that ends it and flushed: a client knows a
	 * part is complete only when it reads the next delimiter, so a part that waited for
	 * the next one to end it would arrive no sooner than without deferring.
	 */
	private Mono<Void> write(ServerHttpResponse message, Flux<Map<String, Object>> parts) {
		DataBufferFactory buffers = message.bufferFactory();
		Flux<Publisher<DataBuffer>> written = Flux.concat(Mono.just(Mono.fromSupplier(() -> buffers.wrap(OPENING))),
				parts.map(part -> Mono.fromSupplier(() -> buffers.wrap(part(part)))),
				Mono.just(Mono.fromSupplier(() -> buffers.wrap(CLOSING))));
		return message.writeAndFlushWith(written);
	}

	/** The part's headers, its JSON and the delimiter after it. */
	private byte[] part(Map<String, Object> payload) {
		byte[] body = this.json.writeValueAsBytes(payload);
		ByteArrayOutputStream part = new ByteArrayOutputStream(PART_HEAD.length + body.length + OPENING.length);
		part.writeBytes(PART_HEAD);
		part.writeBytes(body);
		part.writeBytes(OPENING);
		return part.toByteArray();
	}

	/** A later part, its errors coded as those of the first (CodedErrors). */
	private static Map<String, Object> specification(DelayedIncrementalPartialResult part,
			IncrementalDelivery.Deferred deferred) {
		Map<String, Object> specification = new LinkedHashMap<>(part.toSpecification());
		List<IncrementalPayload> payloads = part.getIncremental();
		if (payloads != null) {
			specification.put("incremental", payloads.stream().map(payload -> coded(payload, deferred)).toList());
		}
		return specification;
	}

	private static Map<String, Object> coded(IncrementalPayload payload, IncrementalDelivery.Deferred deferred) {
		Map<String, Object> specification = new LinkedHashMap<>(payload.toSpecification());
		List<GraphQLError> errors = payload.getErrors();
		if (errors != null && !errors.isEmpty()) {
			specification.put("errors",
					errors.stream()
						.map(error -> CodedErrors.coded(error, deferred.traceId()).toSpecification())
						.toList());
		}
		return specification;
	}

}
