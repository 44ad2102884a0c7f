/**
 * The GraphQL API: controllers, scalars, data loaders and error mapping.
 */
@NullMarked
package eu.tmall.gateway.graphql;

import org.jspecify.annotations.NullMarked;
