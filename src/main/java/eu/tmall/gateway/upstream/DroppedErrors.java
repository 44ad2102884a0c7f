package eu.tmall.gateway.upstream;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

import org.springframework.core.codec.CodecException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Errors Reactor drops because nobody listens any more: an upstream's failure that
 * arrives just as a deadline cuts its call, or after its client went away. Reactor logs
 * each at ERROR with its stack, as it would a bug; but that call has already failed (as a
 * timeout, logged once), so a late upstream failure is one line at DEBUG. Any other
 * dropped error is still logged at ERROR with its stack.
 */
@Component
class DroppedErrors {

	private static final Logger logger = LoggerFactory.getLogger(DroppedErrors.class);

	DroppedErrors() {
		// Reactor's hook is global and each one given is added to those before: one,
		// however
		// many application contexts start in this JVM (tests start several)
		Hooks.resetOnErrorDropped();
		Hooks.onErrorDropped(DroppedErrors::log);
	}

	static void log(Throwable dropped) {
		if (isLateUpstreamFailure(dropped)) {
			logger.debug("An upstream failure arrived after its call had ended: {}", dropped.toString());
			return;
		}
		logger.error("Reactor dropped an error after its subscriber had gone", dropped);
	}

	private static boolean isLateUpstreamFailure(Throwable dropped) {
		for (Throwable cause = dropped; cause != null; cause = cause.getCause()) {
			if (cause instanceof UpstreamException || cause instanceof WebClientException
					|| cause instanceof CodecException || cause instanceof IOException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
