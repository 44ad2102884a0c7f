package eu.tmall.gateway.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace id of the current request, for whatever a caller may quote back to support
 * (error extensions, the summary log line). Absent when tracing is off.
 * <p>
 * A request whose spans are not recorded (sampled out, or continuing a caller's
 * {@code traceparent} flagged unsampled) still has its trace id: sampling decides what is
 * recorded, not what is quoted.
 */
@Component
public class TraceIds {

	private final ObjectProvider<Tracer> tracer;

	TraceIds(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	public @Nullable String current() {
		Tracer tracer = this.tracer.getIfAvailable();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		if (span == null) {
			return null;
		}
		String traceId = span.context().traceId();
		return traceId.isEmpty() ? null : traceId;
	}

}
