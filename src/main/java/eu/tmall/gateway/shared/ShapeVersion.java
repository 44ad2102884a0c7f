package eu.tmall.gateway.shared;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The version of a shape stored in Redis, derived from the shape itself: the first 8 hex
 * digits of the SHA-256 of its records' names and components (name and type, nested
 * records and type arguments followed), and of an epoch number for a change of meaning
 * that keeps the shape. Put in every key, it makes a build that stores another shape read
 * and write other keys: no build ever reads an entry it would misread, and the old
 * entries expire on their TTL. Nobody has to remember to bump it.
 */
public final class ShapeVersion {

	private ShapeVersion() {
	}

	/** {@code v} followed by 8 hex digits, e.g. {@code v3f09a1c2}. */
	public static String of(Class<? extends Record> shape, int epoch) {
		String described = epoch + ":" + describe(shape);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(described.getBytes(StandardCharsets.UTF_8));
			return "v" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/**
	 * e.g.
	 * {@code Entry(fetchedAt:long,offers:java.util.List<Offer(id:java.lang.String)>)}.
	 */
	static String describe(Type type) {
		if (type instanceof Class<?> record && record.isRecord()) {
			return record.getSimpleName() + Arrays.stream(record.getRecordComponents())
				.map(ShapeVersion::component)
				.collect(Collectors.joining(",", "(", ")"));
		}
		if (type instanceof ParameterizedType parameterized) {
			return describe(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
				.map(ShapeVersion::describe)
				.collect(Collectors.joining(",", "<", ">"));
		}
		return type.getTypeName();
	}

	private static String component(RecordComponent component) {
		return component.getName() + ":" + describe(component.getGenericType());
	}

}
