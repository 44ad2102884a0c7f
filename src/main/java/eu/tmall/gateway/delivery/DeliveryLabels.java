package eu.tmall.gateway.delivery;

import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a delivery estimate in words, e.g. "Ships from China · 8–15 business days", from
 * the message bundles, in the shopper's language where a bundle exists for it.
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

	private String format(Key key) {
		Locale locale = key.locale();
		String days = (key.minDays() == key.maxDays())
				? this.messages.getMessage("delivery.days.exact", new Object[] { key.minDays() }, locale)
				: this.messages.getMessage("delivery.days.range", new Object[] { key.minDays(), key.maxDays() },
						locale);
		return this.messages.getMessage("delivery.label", new Object[] { key.shipsFrom().displayName(locale), days },
				locale);
	}

	private record Key(CountryCode shipsFrom, int minDays, int maxDays, Locale locale) {

	}

}
