/**
 * Who may call the GraphQL endpoint and how much: API keys, rate limits, trusted
 * documents, and the HTTP-level checks of a GraphQL request before it is executed.
 */
@NullMarked
package eu.tmall.gateway.access;

import org.jspecify.annotations.NullMarked;
