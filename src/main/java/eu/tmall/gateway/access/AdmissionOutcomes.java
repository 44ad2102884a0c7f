package eu.tmall.gateway.access;

import java.util.List;

import eu.tmall.gateway.access.AdmissionLimit.Outcome;
import eu.tmall.gateway.graphql.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Tells the {@link AdmissionLimit} what an admitted request's time measures, from the
 * errors of its answer:
 * <ul>
 * <li>none: the gateway's work and the upstreams' usual latency, a sample of how long
 * requests take at the current load;</li>
 * <li>{@code REQUEST_DEADLINE_EXCEEDED}: dropped, the request took longer than it may,
 * the sign of too much in flight that loss-based algorithms act on;</li>
 * <li>any other: ignored. An upstream's failure (a timeout, an error, an open breaker's
 * instant refusal) measures that upstream, whose breaker deals with it; shedding load for
 * it would refuse requests the gateway could serve with the other marketplace, and an
 * instant refusal taken as a sample would raise the limit. A refused document or argument
 * did no real work.</li>
 * </ul>
 * A client that hangs up, or a failure that leaves no answer, is ignored too (by
 * {@link AdmissionLimit}): its time ends when the client left, not when the work did.
 */
class AdmissionOutcomes implements WebGraphQlInterceptor, Ordered {

	@Override
	public int getOrder() {
		// outside graphql's CodedErrors, so every error has its code here
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request.getAttributes().get(AdmissionLimit.ATTRIBUTE) instanceof AdmissionLimit.Admission admission)) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext(response -> admission.answered(outcome(response.getErrors())));
	}

	static Outcome outcome(List<ResponseError> errors) {
		if (errors.isEmpty()) {
			return Outcome.SUCCESS;
		}
		boolean deadline = errors.stream()
			.anyMatch(error -> ErrorCode.REQUEST_DEADLINE_EXCEEDED.name().equals(error.getExtensions().get("code")));
		return deadline ? Outcome.DROPPED : Outcome.IGNORED;
	}

}
