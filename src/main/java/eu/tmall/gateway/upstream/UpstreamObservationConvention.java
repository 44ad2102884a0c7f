package eu.tmall.gateway.upstream;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Boot's {@code http.client.requests} of one upstream, told apart by what an operator
 * asks about: which upstream, which platform method (AliExpress's {@code method}
 * parameter, Tmall Europe's API path; the URI alone says {@code /sync} for every
 * AliExpress call) and the {@link UpstreamException.Kind} the attempt ended in. The URL
 * of a span loses its query, which carries the app key and the signature.
 */
final class UpstreamObservationConvention extends DefaultClientRequestObservationConvention {

	private final Upstream upstream;

	UpstreamObservationConvention(Upstream upstream) {
		this.upstream = upstream;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of("upstream", this.upstream.id()),
				KeyValue.of("upstream.method", platformMethod(context)),
				KeyValue.of("upstream.outcome", upstreamOutcome(context)));
	}

	@Override
	protected KeyValue httpUrl(ClientRequestObservationContext context) {
		KeyValue url = super.httpUrl(context);
		int query = url.getValue().indexOf('?');
		return (query < 0) ? url : KeyValue.of(url.getKey(), url.getValue().substring(0, query));
	}

	private static String platformMethod(ClientRequestObservationContext context) {
		Object method = (context.getRequest() != null)
				? context.getRequest().attributes().get(UpstreamChannel.METHOD_ATTRIBUTE) : null;
		return (method != null) ? method.toString() : "none";
	}

	private String upstreamOutcome(ClientRequestObservationContext context) {
		if (context.getError() != null) {
			return UpstreamCalls.translate(this.upstream, context.getError()).kind().name();
		}
		ClientResponse response = context.getResponse();
		if (response == null) {
			// a deadline, or the caller, gave up before an answer
			return context.isAborted() ? "CANCELLED" : "UNKNOWN";
		}
		int status = response.statusCode().value();
		return (status < 400) ? "SUCCESS" : UpstreamCalls.kindOf(status).name();
	}

}
