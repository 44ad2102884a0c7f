package eu.tmall.gateway.delivery;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ibm.icu.text.MessageFormat;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says a delivery estimate in words, e.g. "Ships from China · 8–15 business days": the
 * sentence from the language's message bundle (ICU MessageFormat, with CLDR's plural
 * categories), the country's name from CLDR. Every supported language has a bundle.
 */
@Component
public class DeliveryLabels {

	private final MessageSource messages;

	// a few countries, ranges and languages make every label there is, and formatting one
	// costs more than the rest of its field
	private final Cache<Key, String> labels = Caffeine.newBuilder().maximumSize(10_000).build();

	public DeliveryLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String label(DeliveryEstimate estimate, Locale requested) {
		Key key = new Key(estimate.shipsFrom(), estimate.minDays(), estimate.maxDays(),
				SupportedLocales.resolve(requested));
		return this.labels.get(key, this::format);
	}

	// ICU loads its locale data on first use, half a second, and each language's on
	// that language's first use: paid before the gateway reports ready rather than by a
	// shopper's request
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		for (Locale language : SupportedLocales.ALL) {
			label(new DeliveryEstimate(CountryCode.of("DE"), Origin.EU, 1, 2, LocalDate.MIN, LocalDate.MIN,
					DeliverySpeed.EXPRESS, null), language);
		}
	}

	private String format(Key key) {
		Locale locale = key.locale();
		String days = (key.minDays() == key.maxDays())
				? format("delivery.days.exact", locale, Map.of("days", key.minDays()))
				: format("delivery.days.range", locale, Map.of("min", key.minDays(), "max", key.maxDays()));
		String article = key.shipsFrom().takesTheInEnglish() ? "the" : "none";
		return format("delivery.label", locale,
				Map.of("country", key.shipsFrom().displayName(locale), "article", article, "days", days));
	}

	// asked for without arguments, Spring hands the pattern over as written; ICU formats
	// it because the JDK's ChoiceFormat cannot say Polish plurals (one, few, many)
	private String format(String code, Locale locale, Map<String, Object> arguments) {
		return new MessageFormat(this.messages.getMessage(code, null, locale), locale).format(arguments);
	}

	private record Key(CountryCode shipsFrom, int minDays, int maxDays, Locale locale) {

	}

}
