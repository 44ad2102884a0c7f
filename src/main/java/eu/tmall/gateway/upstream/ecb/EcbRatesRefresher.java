package eu.tmall.gateway.upstream.ecb;

import java.time.Duration;

import eu.tmall.gateway.pricing.EcbReferenceRates;
import eu.tmall.gateway.pricing.ExchangeRates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Fetches the ECB rates at start-up and then at a fixed interval, on Reactor's timer:
 * nothing blocks. A failed fetch keeps the rates in use.
 */
public class EcbRatesRefresher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EcbRatesRefresher.class);

	private final EcbRatesClient client;

	private final ExchangeRates rates;

	private final Duration every;

	private volatile @Nullable Disposable schedule;

	public EcbRatesRefresher(EcbRatesClient client, ExchangeRates rates, Duration every) {
		this.client = client;
		this.rates = rates;
		this.every = every;
	}

	@Override
	public void start() {
		this.schedule = Flux.interval(Duration.ZERO, this.every)
			.onBackpressureDrop()
			.concatMap(tick -> refresh())
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable schedule = this.schedule;
		if (schedule != null) {
			schedule.dispose();
		}
		this.schedule = null;
	}

	@Override
	public boolean isRunning() {
		return this.schedule != null;
	}

	/** One fetch; completes, never fails. */
	Mono<Void> refresh() {
		return this.client.fetch().doOnNext(this::offer).onErrorResume(ex -> {
			logger.warn("ECB reference rates from {} not refreshed, keeping those of {}: {}", this.client.url(),
					this.rates.date(), reason(ex));
			return Mono.empty();
		}).then();
	}

	private void offer(EcbReferenceRates fetched) {
		if (this.rates.offer(fetched)) {
			logger.info("ECB reference rates of {} in use", fetched.date());
		}
		else {
			logger.info("ECB reference rates of {} ignored: older than those of {} in use", fetched.date(),
					this.rates.date());
		}
	}

	// the status or what was wrong with the file, never the body: an error page may be
	// anything, and is not worth a log line
	private static String reason(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return "HTTP " + response.getStatusCode().value();
		}
		if (ex instanceof IllegalArgumentException) {
			return ex.getMessage();
		}
		return "no answer (" + NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName() + ")";
	}

}
