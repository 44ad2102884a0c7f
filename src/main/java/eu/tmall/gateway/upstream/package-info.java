/**
 * What both upstream clients share: connections, signing, properties and error types.
 */
@NullMarked
package eu.tmall.gateway.upstream;

import org.jspecify.annotations.NullMarked;
