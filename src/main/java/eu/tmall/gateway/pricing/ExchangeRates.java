package eu.tmall.gateway.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The ECB's euro reference rates in use: the bundled snapshot until a newer day is
 * fetched. Conversions go through the euro, exactly, and are rounded once to the target
 * currency's minor unit.
 */
@Component
public class ExchangeRates {

	/** The snapshot shipped with the gateway, so it converts without any network. */
	public static final String SNAPSHOT = "pricing/eurofxref-daily.xml";

	private final AtomicReference<EcbReferenceRates> current;

	public ExchangeRates() {
		this(snapshot());
	}

	public ExchangeRates(EcbReferenceRates initial) {
		this.current = new AtomicReference<>(initial);
	}

	public Money convert(Money money, Currency to) {
		return this.current.get().convert(money, to);
	}

	/**
	 * The rates in use now: a computation that converts several amounts takes them once,
	 * so a refresh in between cannot mix two days.
	 */
	public EcbReferenceRates current() {
		return this.current.get();
	}

	/** The day of the rates in use. */
	public LocalDate date() {
		return this.current.get().date();
	}

	/**
	 * Uses {@code rates} from now on unless they are older than those in use, since a
	 * cache on the way may answer with a stale file.
	 * @return whether the rates were taken
	 */
	public boolean offer(EcbReferenceRates rates) {
		EcbReferenceRates before = this.current
			.getAndUpdate(current -> rates.date().isBefore(current.date()) ? current : rates);
		return !rates.date().isBefore(before.date());
	}

	private static EcbReferenceRates snapshot() {
		try (InputStream xml = new ClassPathResource(SNAPSHOT).getInputStream()) {
			return EcbReferenceRates.parse(xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the bundled ECB rates " + SNAPSHOT + " cannot be read", ex);
		}
	}

}
