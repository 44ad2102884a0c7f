package eu.tmall.gateway.pricing;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import eu.tmall.gateway.delivery.SupportedLocales;

import org.springframework.stereotype.Component;

/**
 * Shows money the way the shopper's language writes it: "€24.90" in English, "24,90 €" in
 * Spanish and German, "107,45 zł" in Polish. Languages the gateway has no messages for
 * are answered in English.
 */
@Component
public class MoneyFormatter {

	// NumberFormat is not thread-safe: each call formats with its own clone of a
	// prototype that is never used directly
	private final Map<Key, NumberFormat> prototypes = new ConcurrentHashMap<>();

	public String format(Money money, Locale locale) {
		Key key = new Key(SupportedLocales.resolve(locale), money.currency());
		NumberFormat format = (NumberFormat) this.prototypes.computeIfAbsent(key, MoneyFormatter::prototype).clone();
		return format.format(money.amount());
	}

	private static NumberFormat prototype(Key key) {
		NumberFormat format = NumberFormat.getCurrencyInstance(key.locale());
		format.setCurrency(java.util.Currency.getInstance(key.currency().name()));
		format.setMinimumFractionDigits(key.currency().minorUnits());
		format.setMaximumFractionDigits(key.currency().minorUnits());
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		return format;
	}

	private record Key(Locale locale, Currency currency) {

	}

}
