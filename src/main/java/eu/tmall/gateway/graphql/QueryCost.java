package eu.tmall.gateway.graphql;

import java.util.Collection;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;

/**
 * What a field costs: one, plus what it selects, times the number of elements it asks
 * for: a connection's {@code first}, or the number of GTINs of {@code products}. A cost
 * may depend on numbers, booleans and list sizes only: {@link MeasuredOperations} keeps
 * no more of the variables.
 */
class QueryCost implements FieldComplexityCalculator {

	@Override
	public int calculate(FieldComplexityEnvironment env, int childComplexity) {
		long cost = (long) elements(env) * (1 + childComplexity);
		return (int) Math.min(Integer.MAX_VALUE, cost);
	}

	private static int elements(FieldComplexityEnvironment env) {
		Object first = env.getArguments().get("first");
		if (first instanceof Integer count) {
			return Math.max(1, count);
		}
		Object gtins = env.getArguments().get("gtins");
		if (gtins instanceof Collection<?> keys) {
			return Math.max(1, keys.size());
		}
		return 1;
	}

}
