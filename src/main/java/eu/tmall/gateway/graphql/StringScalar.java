package eu.tmall.gateway.graphql;

import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * A scalar written as a string and parsed into a domain type whose factory says, in its
 * exception, what is wrong with a bad value; graphql-java puts that reason in the
 * validation error beside the argument's name.
 */
final class StringScalar<T> implements Coercing<T, String> {

	private final Class<T> type;

	private final Function<String, T> parser;

	private StringScalar(Class<T> type, Function<String, T> parser) {
		this.type = type;
		this.parser = parser;
	}

	static <T> GraphQLScalarType of(String name, String description, Class<T> type, Function<String, T> parser) {
		return GraphQLScalarType.newScalar()
			.name(name)
			.description(description)
			.coercing(new StringScalar<>(type, parser))
			.build();
	}

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) {
		if (!this.type.isInstance(value)) {
			throw new CoercingSerializeException("Expected a " + this.type.getSimpleName() + " but was " + value);
		}
		return value.toString();
	}

	@Override
	public T parseValue(Object input, GraphQLContext context, Locale locale) {
		if (!(input instanceof String text)) {
			throw new CoercingParseValueException("Expected a string but was '" + input + "'");
		}
		try {
			return this.parser.apply(text);
		}
		catch (IllegalArgumentException ex) {
			throw new CoercingParseValueException(ex.getMessage(), ex);
		}
	}

	@Override
	public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
		if (!(input instanceof StringValue text)) {
			throw new CoercingParseLiteralException("Expected a string literal but was '" + input + "'");
		}
		try {
			return this.parser.apply(text.getValue());
		}
		catch (IllegalArgumentException ex) {
			throw new CoercingParseLiteralException(ex.getMessage(), ex);
		}
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return StringValue.of(serialize(input, context, locale));
	}

}
