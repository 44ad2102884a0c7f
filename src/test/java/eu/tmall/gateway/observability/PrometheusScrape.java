package eu.tmall.gateway.observability;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus}, read the way a query would: the sum of
 * every series of a name that carries the given labels.
 */
record PrometheusScrape(String text) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

	double sum(String name, Map<String, String> labels) {
		double sum = 0;
		for (String line : this.text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches() && sample.group(1).equals(name) && hasLabels(sample.group(3), labels)) {
				sum += Double.parseDouble(sample.group(4));
			}
		}
		return sum;
	}

	private static boolean hasLabels(String labels, Map<String, String> wanted) {
		String all = "," + ((labels != null) ? labels : "") + ",";
		return wanted.entrySet()
			.stream()
			.allMatch(label -> all.contains("," + label.getKey() + "=\"" + label.getValue() + "\","));
	}

}
