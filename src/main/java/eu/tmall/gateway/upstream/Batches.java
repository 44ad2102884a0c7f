package eu.tmall.gateway.upstream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;

/**
 * Splits a bulk lookup at an upstream's batch limit and runs the parts concurrently.
 */
public final class Batches {

	private Batches() {
	}

	public static <T> Flux<T> split(Collection<String> keys, int limit, Function<List<String>, Flux<T>> call) {
		List<String> distinct = keys.stream().distinct().toList();
		List<List<String>> parts = new ArrayList<>();
		for (int from = 0; from < distinct.size(); from += limit) {
			parts.add(distinct.subList(from, Math.min(distinct.size(), from + limit)));
		}
		return Flux.fromIterable(parts).flatMap(call, Math.max(1, parts.size()));
	}

}
