package eu.tmall.gateway.graphql;

/**
 * A caller's argument that passed the schema but cannot be used, e.g. a cursor or id this
 * gateway did not issue. The message names the argument and what to fix.
 */
class InvalidArgumentException extends RuntimeException {

	InvalidArgumentException(String argument, String problem) {
		super("argument '%s' %s".formatted(argument, problem), null, false, false);
	}

}
