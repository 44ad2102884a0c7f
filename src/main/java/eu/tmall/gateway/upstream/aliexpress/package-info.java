/**
 * The AliExpress open-platform client and its DTOs, mapped to catalog offers at this
 * border.
 */
@NullMarked
package eu.tmall.gateway.upstream.aliexpress;

import org.jspecify.annotations.NullMarked;
