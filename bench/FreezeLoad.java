import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load of bench/freeze.sh: closed-loop clients (each sends its next request as soon as
 * the last is answered) that time every answer, freeze the upstreams' process for a while
 * with SIGSTOP, and then judge every answer by when it was sent and answered against the
 * freeze. It reads the breakers' states from readiness every 100 ms meanwhile. JDK only, run
 * as a source file: {@code java bench/FreezeLoad.java <url> <body file> <connections>
 * <warm-up s> <before s> <freeze ms> <after s> <upstreams pid> <readiness url>}.
 */
public class FreezeLoad {

	private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

	private static final Pattern BREAKER = Pattern.compile("\"breaker\":\"([A-Z_]+)\"");

	record Breakers(long at, String states) {

	}

	record Answer(long sent, long answered, int status, List<String> codes, boolean bothOffers) {

		boolean failed() {
			return this.status != 200 || !this.codes.isEmpty();
		}

		boolean overlaps(long from, long to) {
			return this.sent < to && this.answered > from;
		}

		double millis() {
			return (this.answered - this.sent) / 1e6;
		}

	}

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		String body = Files.readString(Path.of(args[1]));
		int connections = Integer.parseInt(args[2]);
		Duration warmUp = Duration.ofSeconds(Long.parseLong(args[3]));
		Duration before = Duration.ofSeconds(Long.parseLong(args[4]));
		Duration freeze = Duration.ofMillis(Long.parseLong(args[5]));
		Duration after = Duration.ofSeconds(Long.parseLong(args[6]));
		String upstreams = args[7];
		URI readiness = URI.create(args[8]);

		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(url)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		long measuredFrom = start + warmUp.toNanos();
		long frozenAt = measuredFrom + before.toNanos();
		long end = frozenAt + freeze.toNanos() + after.toNanos();
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(connections);
		for (int i = 0; i < connections; i++) {
			new Thread(() -> {
				while (System.nanoTime() < end) {
					answers.add(send(client, request));
				}
				done.countDown();
			}).start();
		}
		List<Breakers> breakers = Collections.synchronizedList(new ArrayList<>());
		Thread watch = new Thread(() -> watch(client, readiness, breakers, end));
		watch.start();
		sleepUntil(frozenAt);
		long stopped = signal("STOP", upstreams);
		sleepUntil(stopped + freeze.toNanos());
		long thawed = signal("CONT", upstreams);
		done.await();
		watch.join();
		report(answers, measuredFrom, stopped, thawed, connections, freeze);
		reportBreakers(breakers, measuredFrom, stopped, thawed);
	}

	/** Each change of the breakers' states, as readiness shows them. */
	private static void watch(HttpClient client, URI readiness, List<Breakers> breakers, long end) {
		HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
		String last = "";
		while (System.nanoTime() < end) {
			try {
				Matcher breaker = BREAKER.matcher(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
				StringBuilder states = new StringBuilder();
				while (breaker.find()) {
					states.append((states.length() > 0) ? "/" : "").append(breaker.group(1));
				}
				if (!states.toString().equals(last)) {
					last = states.toString();
					breakers.add(new Breakers(System.nanoTime(), last));
				}
				Thread.sleep(100);
			}
			catch (IOException | InterruptedException ex) {
				breakers.add(new Breakers(System.nanoTime(), ex.getClass().getSimpleName()));
			}
		}
	}

	private static void reportBreakers(List<Breakers> breakers, long from, long frozen, long thawed) {
		StringBuilder changes = new StringBuilder();
		long lastNotClosed = Long.MIN_VALUE;
		for (int i = 0; i < breakers.size(); i++) {
			Breakers seen = breakers.get(i);
			changes.append((changes.length() > 0) ? "," : "")
				.append("%+.1fs:%s".formatted((seen.at() - frozen) / 1e9, seen.states()));
			if (!seen.states().equals("CLOSED/CLOSED") && i + 1 < breakers.size()) {
				lastNotClosed = breakers.get(i + 1).at();
			}
		}
		System.out.printf("BREAKERS (tmall-europe/aliexpress, seconds from the freeze) %s; closed again %s%n",
				changes, (lastNotClosed == Long.MIN_VALUE) ? "throughout"
						: "%.1f s after the upstreams were back".formatted((lastNotClosed - thawed) / 1e9));
	}

	private static Answer send(HttpClient client, HttpRequest request) {
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			List<String> codes = new ArrayList<>();
			int errors = text.indexOf("\"errors\"");
			if (errors >= 0) {
				Matcher code = CODE.matcher(text);
				while (code.find()) {
					codes.add(code.group(1));
				}
				if (codes.isEmpty()) {
					codes.add("ERROR_WITHOUT_CODE");
				}
			}
			boolean both = text.contains("\"TMALL_EUROPE\"") && text.contains("\"ALIEXPRESS\"");
			return new Answer(sent, System.nanoTime(), response.statusCode(), codes, both);
		}
		catch (IOException | InterruptedException ex) {
			return new Answer(sent, System.nanoTime(), 0, List.of(ex.getClass().getSimpleName()), false);
		}
	}

	private static long signal(String signal, String pid) throws IOException, InterruptedException {
		long at = System.nanoTime();
		new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
		return at;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	private static void report(List<Answer> all, long from, long frozen, long thawed, int connections,
			Duration freeze) {
		List<Answer> judged = all.stream().filter(answer -> answer.sent() >= from).toList();
		List<Answer> failed = judged.stream().filter(Answer::failed).toList();
		List<Answer> beforeFreeze = judged.stream().filter(answer -> answer.answered() <= frozen).toList();
		List<Answer> firstSecond = sentBetween(judged, thawed, thawed + 1_000_000_000L);
		List<Answer> later = sentBetween(judged, thawed + 1_000_000_000L, Long.MAX_VALUE);
		List<Answer> afterFreeze = sentBetween(judged, thawed, Long.MAX_VALUE);
		Map<String, Integer> codes = new TreeMap<>();
		failed.forEach(answer -> answer.codes().forEach(code -> codes.merge(code, 1, Integer::sum)));
		long lastFailure = failed.stream().mapToLong(Answer::answered).max().orElse(thawed);

		System.out.printf("RESULT connections=%d freeze_ms=%d answers=%d failed=%d failed_in_freeze=%d "
				+ "failed_outside_freeze=%d failed_sent_after_freeze=%d incomplete_sent_after_freeze=%d "
				+ "last_failure_after_thaw_ms=%.0f p50_before_ms=%.1f p50_first_second_after_ms=%.1f "
				+ "p99_first_second_after_ms=%.1f p50_later_ms=%.1f answers_first_second_after=%d codes=%s%n",
				connections, freeze.toMillis(), judged.size(), failed.size(),
				failed.stream().filter(answer -> answer.overlaps(frozen, thawed)).count(),
				failed.stream().filter(answer -> !answer.overlaps(frozen, thawed)).count(),
				afterFreeze.stream().filter(Answer::failed).count(),
				afterFreeze.stream().filter(answer -> !answer.bothOffers()).count(),
				Math.max(0, lastFailure - thawed) / 1e6, percentile(beforeFreeze, 50), percentile(firstSecond, 50),
				percentile(firstSecond, 99), percentile(later, 50), firstSecond.size(), codes);
	}

	private static List<Answer> sentBetween(List<Answer> answers, long from, long to) {
		return answers.stream().filter(answer -> answer.sent() >= from && answer.sent() < to).toList();
	}

	private static double percentile(List<Answer> answers, int percent) {
		if (answers.isEmpty()) {
			return Double.NaN;
		}
		double[] millis = answers.stream().mapToDouble(Answer::millis).sorted().toArray();
		return millis[Math.min(millis.length - 1, (int) Math.ceil(percent / 100.0 * millis.length) - 1)];
	}

}
