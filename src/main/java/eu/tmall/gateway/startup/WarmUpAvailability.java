package eu.tmall.gateway.startup;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

/**
 * Boot's application availability, except that the {@code ACCEPTING_TRAFFIC} Boot
 * announces at the end of start-up is held back until the warm-up has finished: until
 * then readiness stays {@code REFUSING_TRAFFIC} (503 on
 * {@code /actuator/health/readiness}). Any other readiness change, such as refusing
 * traffic on shutdown, applies at once and drops the held one.
 */
class WarmUpAvailability extends ApplicationAvailabilityBean {

	private boolean warm;

	private @Nullable AvailabilityChangeEvent<?> heldBack;

	@Override
	public synchronized void onApplicationEvent(AvailabilityChangeEvent<?> event) {
		if (!(event.getState() instanceof ReadinessState)) {
			super.onApplicationEvent(event);
			return;
		}
		this.heldBack = null;
		if (!this.warm && event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
			this.heldBack = event;
			return;
		}
		super.onApplicationEvent(event);
	}

	/** The warm-up is over, done or given up: readiness is what Boot last said. */
	synchronized void warmedUp() {
		this.warm = true;
		if (this.heldBack != null) {
			super.onApplicationEvent(this.heldBack);
			this.heldBack = null;
		}
	}

}
