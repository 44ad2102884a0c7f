package eu.tmall.gateway.startup;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's announcement of readiness waits for the warm-up; nothing else does.
 */
class WarmUpAvailabilityTests {

	private final WarmUpAvailability availability = new WarmUpAvailability();

	@Test
	void shouldHoldBackAcceptingTrafficUntilWarm() {
		publish(LivenessState.CORRECT);
		publish(ReadinessState.ACCEPTING_TRAFFIC);

		assertThat(this.availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);

		this.availability.warmedUp();

		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void shouldStayRefusingWhenTrafficWasRefusedDuringTheWarmUp() {
		publish(ReadinessState.ACCEPTING_TRAFFIC);
		publish(ReadinessState.REFUSING_TRAFFIC);

		this.availability.warmedUp();

		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
	}

	@Test
	void shouldChangeReadinessAtOnceOnceWarm() {
		this.availability.warmedUp();
		publish(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

		publish(ReadinessState.REFUSING_TRAFFIC);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
	}

	private void publish(AvailabilityState state) {
		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
	}

}
