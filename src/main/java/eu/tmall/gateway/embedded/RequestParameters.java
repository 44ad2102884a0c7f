package eu.tmall.gateway.embedded;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.ContentTypeHeader;
import com.github.tomakehurst.wiremock.http.Request;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a platform call, from the query string and a form body, with the
 * platforms' validation rules; a parameter given twice keeps its first value.
 */
final class RequestParameters {

	private static final String FORM = "application/x-www-form-urlencoded";

	private final Map<String, String> values;

	RequestParameters(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	static RequestParameters of(Request request) {
		Map<String, String> values = new LinkedHashMap<>();
		String url = request.getUrl();
		int query = url.indexOf('?');
		if (query >= 0) {
			parse(url.substring(query + 1), values);
		}
		ContentTypeHeader contentType = request.contentTypeHeader();
		String mimeType = (contentType != null) ? contentType.mimeTypePart() : null;
		if (mimeType != null && mimeType.equalsIgnoreCase(FORM)) {
			parse(request.getBodyAsString(), values);
		}
		return new RequestParameters(values);
	}

	private static void parse(String encoded, Map<String, String> values) {
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			values.putIfAbsent(name, value);
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	Map<String, String> asMap() {
		return this.values;
	}

	@Nullable String optional(String name) {
		String value = this.values.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	String required(String name) {
		String value = optional(name);
		if (value == null) {
			throw PlatformException.missing(name);
		}
		return value;
	}

	int integer(String name, int defaultValue, int min, int max) {
		String value = optional(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like any other out-of-range value
		}
		String rule = (max == Integer.MAX_VALUE) ? "must be an integer >= " + min
				: "must be an integer between " + min + " and " + max;
		throw PlatformException.invalid(name, rule);
	}

	/** A required comma-separated list of one to {@code max} values. */
	List<String> list(String name, int max) {
		List<String> values = new ArrayList<>();
		for (String value : required(name).split(",")) {
			if (!value.isBlank()) {
				values.add(value.trim());
			}
		}
		if (values.isEmpty()) {
			throw PlatformException.missing(name);
		}
		if (values.size() > max) {
			throw PlatformException.invalid(name, "at most " + max + " values");
		}
		return values;
	}

	/** A required destination: an EU country the marketplaces deliver to. */
	String country(String name) {
		String country = required(name).toUpperCase(Locale.ROOT);
		if (!EuropeanCountries.isSupported(country)) {
			throw PlatformException.invalid(name, "'" + country + "' is not a supported EU country code");
		}
		return country;
	}

}
