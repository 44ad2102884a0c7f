package eu.tmall.gateway.graphql;

/**
 * A GraphQL request as the access filter read and checked it, handed to the HTTP handler
 * in the exchange attribute {@value #ATTRIBUTE} (a spring-graphql
 * {@link org.springframework.graphql.GraphQlRequest}), so that its body is parsed once.
 * The handler refuses a request that comes without one: it did not pass the checks.
 */
public final class AdmittedRequest {

	public static final String ATTRIBUTE = "gateway.admitted-request";

	private AdmittedRequest() {
	}

}
