package eu.tmall.gateway.pricing;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * One day of the ECB's euro foreign exchange reference rates, as published in
 * {@code eurofxref-daily.xml}: how much of each currency one euro buys.
 *
 * @param date the day the rates were set
 * @param perEuro the rate of every supported currency but the euro
 */
public record EcbReferenceRates(LocalDate date, Map<Currency, BigDecimal> perEuro) {

	private static final String RATES_NAMESPACE = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

	public EcbReferenceRates {
		if (date == null) {
			throw new IllegalArgumentException("the ECB reference rates have no date");
		}
		for (Currency currency : Currency.values()) {
			BigDecimal rate = perEuro.get(currency);
			if (currency != Currency.EUR && (rate == null || rate.signum() <= 0)) {
				throw new IllegalArgumentException(
						"the ECB reference rates of %s have no positive rate for %s".formatted(date, currency));
			}
		}
		perEuro = Map.copyOf(perEuro);
	}

	/** How much of {@code currency} one euro buys; one for the euro itself. */
	public BigDecimal perEuro(Currency currency) {
		return (currency == Currency.EUR) ? BigDecimal.ONE : this.perEuro.get(currency);
	}

	/**
	 * {@code money} in {@code to}, through the euro, rounded once to the minor unit of
	 * {@code to}.
	 */
	public Money convert(Money money, Currency to) {
		return (money.currency() == to) ? money : fromEuros(toEuros(money), to);
	}

	/** An exact amount of euros in {@code to}, rounded to its minor unit. */
	Money fromEuros(Fraction euros, Currency to) {
		return new Money(euros.times(perEuro(to)).rounded(to.minorUnits()), to);
	}

	/** {@code money} in euros, exactly. */
	Fraction toEuros(Money money) {
		return Fraction.of(money.amount()).dividedBy(perEuro(money.currency()));
	}

	/**
	 * Reads an {@code eurofxref-daily.xml} file. The file is untrusted: document type
	 * declarations and external entities are refused.
	 * @throws IllegalArgumentException when it is not one day of reference rates with a
	 * positive rate for each supported currency
	 */
	public static EcbReferenceRates parse(InputStream xml) {
		try {
			XMLStreamReader reader = xmlInputFactory().createXMLStreamReader(xml);
			try {
				return read(reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			// the position only: the parser's message may quote the untrusted file
			Location at = ex.getLocation();
			String where = (at != null) ? " at line %d, column %d".formatted(at.getLineNumber(), at.getColumnNumber())
					: "";
			throw new IllegalArgumentException("not an ECB reference rates file: not well-formed XML" + where, ex);
		}
	}

	private static EcbReferenceRates read(XMLStreamReader reader) throws XMLStreamException {
		LocalDate date = null;
		Map<Currency, BigDecimal> rates = new EnumMap<>(Currency.class);
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.DTD) {
				throw new IllegalArgumentException("an ECB reference rates file has no document type declaration");
			}
			if (event != XMLStreamConstants.START_ELEMENT || !isCube(reader)) {
				continue;
			}
			String time = reader.getAttributeValue(null, "time");
			if (time != null) {
				if (date != null) {
					throw new IllegalArgumentException("an ECB daily file holds one day, this one more: " + time);
				}
				date = parseDate(time);
			}
			Currency currency = supported(reader.getAttributeValue(null, "currency"));
			if (currency != null) {
				rates.put(currency, parseRate(currency, reader.getAttributeValue(null, "rate")));
			}
		}
		return new EcbReferenceRates(date, rates);
	}

	private static boolean isCube(XMLStreamReader reader) {
		return "Cube".equals(reader.getLocalName()) && RATES_NAMESPACE.equals(reader.getNamespaceURI());
	}

	private static LocalDate parseDate(String time) {
		try {
			return LocalDate.parse(time);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'%s' is not an ECB reference date".formatted(time), ex);
		}
	}

	private static @Nullable Currency supported(@Nullable String code) {
		for (Currency currency : Currency.values()) {
			if (currency != Currency.EUR && currency.name().equals(code)) {
				return currency;
			}
		}
		return null;
	}

	private static BigDecimal parseRate(Currency currency, @Nullable String rate) {
		try {
			return new BigDecimal(String.valueOf(rate));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'%s' is not a rate for %s".formatted(rate, currency), ex);
		}
	}

	private static XMLInputFactory xmlInputFactory() {
		// the JDK's own parser, whatever else is on the classpath, with no DTDs and no
		// external entities (OWASP XXE prevention)
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

}
