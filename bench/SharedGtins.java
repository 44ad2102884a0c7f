/**
 * Prints the embedded catalog's GTINs sold on both marketplaces, one a line, for
 * bench/overload.sh: run with the gateway jar's classes, {@code java -cp … bench/SharedGtins.java}.
 */
public class SharedGtins {

	public static void main(String[] args) {
		eu.tmall.gateway.embedded.EmbeddedCatalog.generate().sharedGtins().forEach(System.out::println);
	}

}
