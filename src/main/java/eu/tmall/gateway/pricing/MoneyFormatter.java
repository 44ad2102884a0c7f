package eu.tmall.gateway.pricing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import eu.tmall.gateway.delivery.SupportedLocales;

import org.springframework.stereotype.Component;

/**
 * Shows money the way the shopper's language writes it, from CLDR through ICU: "€24.90"
 * and "PLN 107.45" in English, "24,90 €" in Spanish, "1226,47 zł" in Polish, "3 163,46
 * kr" in Swedish. Amounts are already rounded; the formatters keep every minor unit.
 */
@Component
public class MoneyFormatter {

	// ICU's formatters are immutable and thread-safe: one per language and currency,
	// made once
	private final Map<Key, LocalizedNumberFormatter> formatters = new HashMap<>();

	public MoneyFormatter() {
		for (Locale language : SupportedLocales.ALL) {
			for (Currency currency : Currency.values()) {
				Locale resolved = SupportedLocales.resolve(language);
				LocalizedNumberFormatter formatter = formatter(resolved, currency);
				// ICU loads a locale's data on its first format: at start-up, not in a
				// request
				formatter.format(0);
				this.formatters.put(new Key(resolved, currency), formatter);
			}
		}
	}

	public String format(Money money, Locale locale) {
		return this.formatters.get(new Key(SupportedLocales.resolve(locale), money.currency()))
			.format(money.amount())
			.toString();
	}

	private static LocalizedNumberFormatter formatter(Locale language, Currency currency) {
		return NumberFormatter.withLocale(ULocale.forLocale(language))
			.unit(com.ibm.icu.util.Currency.getInstance(currency.name()))
			.precision(Precision.fixedFraction(currency.minorUnits()))
			.roundingMode(Money.ROUNDING);
	}

	private record Key(Locale language, Currency currency) {

	}

}
