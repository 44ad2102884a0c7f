package eu.tmall.gateway.graphql;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jspecify.annotations.Nullable;

/**
 * The fields graphql-java reads from their source by name, read through the source's
 * record-like method of the field's name (a record's accessor, or a method such as
 * {@code Quote.price()}), found once per field and source class instead of once per
 * value: graphql-java's property fetcher builds a cache key of strings and looks it up
 * for every value it reads (3% of warm {@code products} of 50). What it reads is what
 * graphql-java reads, which prefers that method too; any case where they could differ (a
 * map, a getter of the same name, a name that reads as a getter's, no such public method)
 * goes to graphql-java's fetcher as before.
 */
final class RecordFields extends GraphQLTypeVisitorStub {

	@Override
	public TraversalControl visitGraphQLObjectType(GraphQLObjectType type,
			TraverserContext<GraphQLSchemaElement> context) {
		if (!type.getName().startsWith("__")) {
			GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
				if (!registry.hasDataFetcher(coordinates)) {
					registry.dataFetcher(coordinates, new Fetcher(field.getName()));
				}
			}
		}
		return TraversalControl.CONTINUE;
	}

	/**
	 * One field's reader: one per source class, built once, and the last one used at
	 * hand.
	 */
	static final class Fetcher implements LightDataFetcher<@Nullable Object> {

		private final PropertyDataFetcher<@Nullable Object> byName;

		private final ClassValue<Reader> readers;

		private volatile Reader last = Reader.NONE;

		Fetcher(String name) {
			this.byName = PropertyDataFetcher.fetching(name);
			this.readers = new ClassValue<>() {

				@Override
				protected Reader computeValue(Class<?> type) {
					return Reader.of(type, name);
				}

			};
		}

		@Override
		public @Nullable Object get(GraphQLFieldDefinition field, @Nullable Object source,
				Supplier<DataFetchingEnvironment> env) throws Exception {
			if (source == null) {
				return null;
			}
			Reader reader = this.last;
			if (reader.type != source.getClass()) {
				reader = reader(source.getClass());
				this.last = reader;
			}
			return (reader.read != null) ? reader.read.apply(source) : this.byName.get(field, source, env);
		}

		/** The reader of a source class, built on its first use. */
		Reader reader(Class<?> type) {
			return this.readers.get(type);
		}

		@Override
		public @Nullable Object get(DataFetchingEnvironment env) throws Exception {
			return get(env.getFieldDefinition(), env.getSource(), () -> env);
		}

	}

	/** How to read a field of one class: its record-like method, or by name. */
	record Reader(@Nullable Class<?> type, @Nullable Function<Object, @Nullable Object> read) {

		static final Reader NONE = new Reader(null, null);

		static Reader of(Class<?> type, String name) {
			return new Reader(type, recordMethod(type, name));
		}

		private static @Nullable Function<Object, @Nullable Object> recordMethod(Class<?> type, String name) {
			// graphql-java reads a map's entries, and takes get… and is… for getters
			if (Map.class.isAssignableFrom(type) || name.startsWith("get") || name.startsWith("is")
					|| hasGetter(type, name)) {
				return null;
			}
			try {
				Method method = type.getMethod(name);
				if (Modifier.isStatic(method.getModifiers()) || method.getReturnType() == void.class
						|| isObjectMethod(name)) {
					return null;
				}
				return function(type, method);
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		// hashCode(), toString(): graphql-java never reads them as a field, even
		// overridden
		private static boolean isObjectMethod(String name) {
			try {
				Object.class.getMethod(name);
				return true;
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}

		private static boolean hasGetter(Class<?> type, String name) {
			String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
			for (String getter : new String[] { "get" + suffix, "is" + suffix }) {
				try {
					type.getMethod(getter);
					return true;
				}
				catch (NoSuchMethodException ex) {
					// not this one
				}
			}
			return false;
		}

		@SuppressWarnings("unchecked")
		private static @Nullable Function<Object, @Nullable Object> function(Class<?> type, Method method) {
			try {
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
				MethodHandle accessor = lookup.unreflect(method);
				Class<?> answer = MethodType.methodType(method.getReturnType()).wrap().returnType();
				return (Function<Object, @Nullable Object>) LambdaMetafactory
					.metafactory(lookup, "apply", MethodType.methodType(Function.class),
							MethodType.methodType(Object.class, Object.class), accessor,
							MethodType.methodType(answer, type))
					.getTarget()
					.invoke();
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				// a class the gateway's module cannot look into: read by name
				return null;
			}
		}

	}

}
