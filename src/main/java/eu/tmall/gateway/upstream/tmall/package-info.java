/**
 * The Tmall Europe open-platform client and its DTOs, mapped to catalog offers at this
 * border.
 */
@NullMarked
package eu.tmall.gateway.upstream.tmall;

import org.jspecify.annotations.NullMarked;
