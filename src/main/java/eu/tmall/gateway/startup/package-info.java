/**
 * Start-up: the gateway reports ready only once it answers at speed, after replaying a
 * few representative operations against itself.
 */
@NullMarked
package eu.tmall.gateway.startup;

import org.jspecify.annotations.NullMarked;
