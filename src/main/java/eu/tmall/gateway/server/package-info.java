/**
 * The public HTTP server's connections: how long one may stay idle or take to send a
 * request, how many may be open at once, and what is counted and logged when one is
 * closed for it.
 */
@NullMarked
package eu.tmall.gateway.server;

import org.jspecify.annotations.NullMarked;
