/**
 * The ECB's daily euro reference rates: fetching the published file and keeping the
 * gateway's exchange rates on the latest day.
 */
@NullMarked
package eu.tmall.gateway.upstream.ecb;

import org.jspecify.annotations.NullMarked;
