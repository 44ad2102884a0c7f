package eu.tmall.gateway.embedded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random draws for the catalog generators, so every run yields the same catalog.
 */
final class Draws {

	private final SplittableRandom random;

	Draws(long seed) {
		this.random = new SplittableRandom(seed);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	/** A whole number from {@code lowest} to {@code highest}, both included. */
	int between(int lowest, int highest) {
		return this.random.nextInt(lowest, highest + 1);
	}

	long nextLong(long bound) {
		return this.random.nextLong(bound);
	}

	BigDecimal factor(double lowest, double highest) {
		return BigDecimal.valueOf(lowest + this.random.nextDouble() * (highest - lowest))
			.setScale(4, RoundingMode.HALF_UP);
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** The values in a random order. */
	<T> List<T> shuffled(List<T> values) {
		List<T> shuffled = new ArrayList<>(values);
		for (int i = shuffled.size() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			shuffled.set(j, shuffled.set(i, shuffled.get(j)));
		}
		return shuffled;
	}

}
