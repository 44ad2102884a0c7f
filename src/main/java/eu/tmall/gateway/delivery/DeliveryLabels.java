package eu.tmall.gateway.delivery;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says a delivery estimate in words, e.g. "Ships from China · 8–15 business days", from
 * the message bundles, in the shopper's language where a bundle exists for it.
 */
@Component
public class DeliveryLabels {

	private final MessageSource messages;

	public DeliveryLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String label(DeliveryEstimate estimate, Locale requested) {
		Locale locale = SupportedLocales.resolve(requested);
		String days = (estimate.minDays() == estimate.maxDays())
				? this.messages.getMessage("delivery.days.exact", new Object[] { estimate.minDays() }, locale)
				: this.messages.getMessage("delivery.days.range",
						new Object[] { estimate.minDays(), estimate.maxDays() }, locale);
		return this.messages.getMessage("delivery.label",
				new Object[] { estimate.shipsFrom().displayName(locale), days }, locale);
	}

}
