/**
 * Who may call the GraphQL endpoint and how much: API keys, rate limits, trusted
 * documents, the HTTP-level checks of a GraphQL request before it is executed, and the
 * admission limit with which the gateway refuses what it cannot serve.
 */
@NullMarked
package eu.tmall.gateway.access;

import org.jspecify.annotations.NullMarked;
