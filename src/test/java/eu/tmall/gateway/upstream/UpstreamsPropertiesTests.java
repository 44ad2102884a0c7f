package eu.tmall.gateway.upstream;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstreams' settings bind as written, and one that binds to nothing (a setting
 * renamed since, or misspelt) stops the start and names itself.
 */
class UpstreamsPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

	@Test
	void shouldBindTheBreakersWindow() {
		this.context.withPropertyValues("gateway.upstreams.tmall.breaker.window=20s").run(started -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(UpstreamsProperties.class).tmall().breaker().window())
				.isEqualTo(Duration.ofSeconds(20));
		});
	}

	@Test
	void shouldRefuseASettingThatBindsToNothing() {
		this.context.withPropertyValues("gateway.upstreams.aliexpress.breaker.sliding-window=20")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("gateway.upstreams.aliexpress.breaker.sliding-window"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(UpstreamsProperties.class)
	static class Bound {

	}

}
