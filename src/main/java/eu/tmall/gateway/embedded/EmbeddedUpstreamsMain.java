package eu.tmall.gateway.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded upstreams on their own, without Spring, until Ctrl-C. Options:
 * {@code --tmall-port=8091 --aliexpress-port=8092 --latency-ms=30 --verify-signatures=true
 * --journal-entries=1000} (0 for load: no request journal); credentials come from
 * {@code TMALL_APP_KEY}, {@code TMALL_APP_SECRET}, {@code ALIEXPRESS_APP_KEY} and
 * {@code ALIEXPRESS_APP_SECRET}.
 */
public final class EmbeddedUpstreamsMain {

	private static final Map<String, String> DEFAULTS = Map.of("tmall-port", "8091", "aliexpress-port", "8092",
			"latency-ms", "30", "verify-signatures", "true", "journal-entries",
			String.valueOf(EmbeddedUpstreamsSettings.DEFAULT_JOURNAL_ENTRIES));

	private EmbeddedUpstreamsMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedUpstreamsSettings settings;
		try {
			settings = settings(options(args), System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		EmbeddedCatalog catalog = EmbeddedCatalog.generate();
		EmbeddedUpstreams upstreams = EmbeddedUpstreams.start(settings, catalog);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			upstreams.close();
			stopped.countDown();
		}, "embedded-upstreams-shutdown"));
		System.out
			.println("Tmall Europe: " + upstreams.tmallBaseUrl() + " (" + catalog.tmallItems().size() + " listings)");
		System.out.println("AliExpress:   " + upstreams.aliExpressBaseUrl() + " (" + catalog.aliExpressItems().size()
				+ " products, " + catalog.sharedGtins().size() + " GTINs on both marketplaces)");
		System.out.println("Latency " + settings.latency().toMillis() + " ms, signatures "
				+ (settings.verifySignatures() ? "verified" : "not verified") + ". Ctrl-C stops.");
		stopped.await();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>(DEFAULTS);
		for (String arg : args) {
			int equals = arg.indexOf('=');
			String name = (arg.startsWith("--") && equals > 2) ? arg.substring(2, equals) : null;
			if (name == null || !DEFAULTS.containsKey(name)) {
				throw new IllegalArgumentException("Unknown option '" + arg + "'. Options: --tmall-port=8091 "
						+ "--aliexpress-port=8092 --latency-ms=30 --verify-signatures=true|false --journal-entries=1000");
			}
			options.put(name, arg.substring(equals + 1));
		}
		return options;
	}

	static EmbeddedUpstreamsSettings settings(Map<String, String> options, Map<String, String> environment) {
		boolean verify = Boolean.parseBoolean(options.get("verify-signatures"));
		Credentials tmall = credentials(environment, "TMALL", verify);
		Credentials aliExpress = credentials(environment, "ALIEXPRESS", verify);
		return new EmbeddedUpstreamsSettings(number(options, "tmall-port"), number(options, "aliexpress-port"),
				Duration.ofMillis(number(options, "latency-ms")), verify, tmall, aliExpress,
				number(options, "journal-entries"));
	}

	private static Credentials credentials(Map<String, String> environment, String platform, boolean verify) {
		String appKey = environment.getOrDefault(platform + "_APP_KEY", "");
		String secret = environment.getOrDefault(platform + "_APP_SECRET", "");
		if (verify && (appKey.isBlank() || secret.isBlank())) {
			throw new IllegalArgumentException("Set " + platform + "_APP_KEY and " + platform + "_APP_SECRET to verify "
					+ "signatures, or run with --verify-signatures=false");
		}
		return new Credentials(appKey, secret);
	}

	private static int number(Map<String, String> options, String name) {
		try {
			return Integer.parseInt(options.get(name));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number, was '" + options.get(name) + "'");
		}
	}

}
