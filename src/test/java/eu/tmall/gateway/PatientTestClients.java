package eu.tmall.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every test context's {@link WebTestClient} and {@link HttpGraphQlTester} wait up to a
 * minute for an answer, not their default 5 s: a test's timeout is there to end a hung
 * test, never to judge the gateway, and on a saturated two-core machine a healthy answer
 * can take seconds. What a test asserts about time, it asserts itself. Registered for
 * every test in {@code META-INF/spring.factories}.
 */
public final class PatientTestClients implements ContextCustomizerFactory {

	/** How long a test client waits for an answer. */
	public static final Duration PATIENCE = Duration.ofMinutes(1);

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new Customizer();
	}

	/** Equal to every other, so that it does not split the cached test contexts. */
	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getBeanFactory().addBeanPostProcessor(new Patience());
		}

	}

	private static final class Patience implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof HttpGraphQlTester tester) {
				return tester.mutate()
					.webTestClient(client -> client.responseTimeout(PATIENCE))
					.responseTimeout(PATIENCE)
					.build();
			}
			if (bean instanceof WebTestClient client) {
				return client.mutate().responseTimeout(PATIENCE).build();
			}
			return bean;
		}

	}

}
