package eu.tmall.gateway.upstream;

import java.util.Map;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tries a half-open upstream without waiting for a request to do it. When a breaker turns
 * half-open (on its timer, {@code wait-in-open} after it opened), its upstream gets as
 * many calls as the breaker needs to decide, {@code half-open-calls}, at once and through
 * the same guards as any call: a lookup of one GTIN ({@value #GTIN}, GS1's textbook EAN,
 * whether the marketplace sells it or not). So an upstream that is down is tried that
 * many times every {@code wait-in-open}, and one that is back closes its breaker within a
 * round trip, readiness with it: a Kubernetes pod that is not ready gets no request, and
 * would otherwise never find out.
 */
public final class HalfOpenProbe {

	/** The GTIN the probe looks up. */
	public static final String GTIN = "4006381333931";

	/** The destination the probe asks for: any will do. */
	static final String SHIP_TO = "DE";

	private static final Logger logger = LoggerFactory.getLogger(HalfOpenProbe.class);

	/**
	 * Probes each upstream given with its call, whose answer is of no interest: only
	 * whether there is one.
	 */
	HalfOpenProbe(UpstreamChannels channels, Map<Upstream, Supplier<Mono<?>>> calls) {
		calls.forEach((upstream, call) -> {
			UpstreamResilience resilience = channels.resilience(upstream);
			int trials = resilience.endpoint().breaker().halfOpenCalls();
			resilience.breaker().getEventPublisher().onStateTransition(event -> {
				if (event.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
					probe(upstream, trials, call);
				}
			});
		});
	}

	private static void probe(Upstream upstream, int trials, Supplier<Mono<?>> call) {
		Flux.range(0, trials).flatMap(trial -> Mono.defer(call).onErrorResume(ex -> {
			// the breaker's transition back to open is the line that says so
			logger.debug("{}: a trial call failed: {}", upstream.displayName(), ex.getMessage());
			return Mono.empty();
		}), trials).subscribe();
	}

}
