import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of scale/run.sh: closed-loop clients (each sends its next request as soon as
 * the last is answered) against the load balancer, that count every answer by status and
 * by whether it carries GraphQL errors. Runs until {@code <requests>} answers (0: no
 * limit) or until {@code <stop file>} exists. JDK only, run as a source file:
 * {@code java scale/ScaleLoad.java <url> <body file> <connections> <requests> <stop file> [api key]}.
 * Prints one line: {@code RESULT requests=… ok=… failed=… statuses=200:…,429:… retryAfter=… seconds=…}.
 */
public class ScaleLoad {

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		String body = Files.readString(Path.of(args[1]));
		int connections = Integer.parseInt(args[2]);
		int limit = Integer.parseInt(args[3]);
		Path stop = Path.of(args[4]);
		String key = (args.length > 5) ? args[5] : null;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicInteger started = new AtomicInteger();
		LongAdder ok = new LongAdder();
		LongAdder graphQlErrors = new LongAdder();
		LongAdder retryAfter = new LongAdder();
		Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(connections);
		long from = System.nanoTime();
		for (int i = 0; i < connections; i++) {
			new Thread(() -> {
				while (!Files.exists(stop) && (limit == 0 || started.incrementAndGet() <= limit)) {
					HttpRequest.Builder request = HttpRequest.newBuilder(url)
						.timeout(Duration.ofSeconds(10))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body));
					if (key != null) {
						request.header("X-Api-Key", key);
					}
					String status;
					try {
						HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
						status = Integer.toString(answer.statusCode());
						boolean errors = answer.body().contains("\"errors\"");
						if (answer.statusCode() == 200 && !errors) {
							ok.increment();
						}
						else if (answer.statusCode() == 200) {
							graphQlErrors.increment();
						}
						if (answer.headers().firstValue("Retry-After").isPresent()) {
							retryAfter.increment();
						}
					}
					catch (Exception ex) {
						status = ex.getClass().getSimpleName();
					}
					statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
				}
				done.countDown();
			}).start();
		}
		done.await();
		double seconds = (System.nanoTime() - from) / 1e9;
		Map<String, Long> counted = new TreeMap<>();
		statuses.forEach((status, count) -> counted.put(status, count.sum()));
		long requests = counted.values().stream().mapToLong(Long::longValue).sum();
		StringJoiner byStatus = new StringJoiner(",");
		counted.forEach((status, count) -> byStatus.add(status + ":" + count));
		System.out.printf("RESULT requests=%d ok=%d failed=%d graphqlErrors=%d statuses=%s retryAfter=%d seconds=%.1f%n",
				requests, ok.sum(), requests - ok.sum(), graphQlErrors.sum(), byStatus, retryAfter.sum(), seconds);
	}

}
