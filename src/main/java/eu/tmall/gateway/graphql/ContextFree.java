package eu.tmall.gateway.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method of a field below the root that reads nothing from thread locals and
 * answers no Publisher: a value, a {@code DataFetcherResult}, or a DataLoader's future of
 * one. It runs without spring-graphql's context snapshot ({@link SynchronousFields}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface ContextFree {

}
