package eu.tmall.gateway.graphql;

import java.math.BigDecimal;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/**
 * A decimal number: written as a string ("49.90") so no client rounds it through a
 * double, and accepted as a number literal too (49.90, 50), as callers naturally write
 * one.
 */
final class DecimalScalar implements Coercing<BigDecimal, String> {

	static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
		.name("Decimal")
		.description("A decimal number as a string, e.g. 49.90")
		.coercing(new DecimalScalar())
		.build();

	private DecimalScalar() {
	}

	@Override
	public String serialize(Object value, GraphQLContext context, Locale locale) {
		if (!(value instanceof BigDecimal decimal)) {
			throw new CoercingSerializeException("Expected a BigDecimal but was " + value);
		}
		return decimal.toPlainString();
	}

	@Override
	public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
		if (!(input instanceof String) && !(input instanceof Number)) {
			throw new CoercingParseValueException("Expected a decimal number but was '" + input + "'");
		}
		try {
			return parse(input.toString());
		}
		catch (IllegalArgumentException ex) {
			throw new CoercingParseValueException(ex.getMessage(), ex);
		}
	}

	@Override
	public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
		try {
			if (input instanceof StringValue text) {
				return parse(text.getValue());
			}
			if (input instanceof IntValue number) {
				return new BigDecimal(number.getValue());
			}
			if (input instanceof FloatValue number) {
				return number.getValue();
			}
		}
		catch (IllegalArgumentException ex) {
			throw new CoercingParseLiteralException(ex.getMessage(), ex);
		}
		throw new CoercingParseLiteralException("Expected a decimal number but was '" + input + "'");
	}

	@Override
	public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
		return StringValue.of(serialize(input, context, locale));
	}

	private static BigDecimal parse(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'%s' is not a decimal number, e.g. 49.90".formatted(text), ex);
		}
	}

}
