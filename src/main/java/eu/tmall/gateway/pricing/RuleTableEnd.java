package eu.tmall.gateway.pricing;

import java.time.LocalDate;

/**
 * Where a dated rule table runs out: from {@code end} on, dates are no longer covered and
 * what the gateway answers for them is a guess.
 *
 * @param table which table, e.g. {@code holidays}
 * @param scope which part of it, e.g. a country
 * @param end the first day the table no longer covers
 * @param then what happens from that day, for the operator who reads the warning
 */
record RuleTableEnd(String table, String scope, LocalDate end, String then) {

}
