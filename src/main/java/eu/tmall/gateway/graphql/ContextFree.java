package eu.tmall.gateway.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method that reads nothing from thread locals and answers no Publisher: a
 * value, a {@code DataFetcherResult}, or a DataLoader's future of one (the DataLoaders'
 * batches take the request's Reactor context from its GraphQL context). It runs without
 * spring-graphql's context snapshot ({@link SynchronousFields}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface ContextFree {

}
