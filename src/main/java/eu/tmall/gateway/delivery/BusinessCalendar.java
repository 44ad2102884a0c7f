package eu.tmall.gateway.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which days a country works: Monday to Friday, except its national public holidays
 * (Jollyday's calendars, regional holidays not counted, plus those configured: the years
 * of the countries Jollyday has no calendar for, and the days it misses).
 */
@Component
public class BusinessCalendar {

	private static final Logger logger = LoggerFactory.getLogger(BusinessCalendar.class);

	// Jollyday parses a country's XML calendar and evaluates its rules on every call
	private final Cache<CountryYear, Set<LocalDate>> holidays = Caffeine.newBuilder().maximumSize(1_000).build();

	private final Set<CountryCode> unknown = ConcurrentHashMap.newKeySet();

	private final DeliveryProperties properties;

	private final MeterRegistry meters;

	public BusinessCalendar(DeliveryProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	public boolean isBusinessDay(LocalDate date, CountryCode country) {
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		return !this.holidays.get(new CountryYear(country, date.getYear()), this::load).contains(date);
	}

	/**
	 * The countries whose holidays come from configuration alone, each with the first day
	 * its configured years no longer cover, counting from {@code today}'s year.
	 */
	public Map<CountryCode, LocalDate> configuredCalendarsEnd(LocalDate today) {
		Map<CountryCode, LocalDate> ends = new TreeMap<>((left, right) -> left.value().compareTo(right.value()));
		this.properties.holidays().forEach((country, configured) -> {
			if (!hasLibraryCalendar(country)) {
				ends.put(country, LocalDate.of(configured.firstYearNotCovered(today.getYear()), 1, 1));
			}
		});
		return ends;
	}

	// the first calendar starts JAXB up, a second or more, and each further one costs
	// tens of milliseconds: paid for every destination before the gateway reports ready
	// rather than by shoppers' first requests
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		int year = LocalDate.now().getYear();
		CountryCode.euCodes()
			.stream()
			.map(CountryCode::of)
			.forEach(country -> this.holidays.get(new CountryYear(country, year), this::load));
	}

	private Set<LocalDate> load(CountryYear key) {
		DeliveryProperties.Holidays configured = this.properties.holidays(key.country());
		if (!hasLibraryCalendar(key.country())) {
			return configuredOnly(key, configured);
		}
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(key.country().value()));
		// next year's too: a New Year's Day on a Saturday is taken on the Friday before
		return Stream
			.concat(configured.of(key.year()).stream(),
					Stream.of(Year.of(key.year()), Year.of(key.year() + 1))
						.flatMap((year) -> manager.getHolidays(year, HolidayType.PUBLIC_HOLIDAY).stream())
						.map(Holiday::getDate))
			.filter((date) -> date.getYear() == key.year())
			.collect(Collectors.toUnmodifiableSet());
	}

	// A year the configuration does not list is not silently a year without holidays:
	// it is said once in the log and counted, and the health of the rule tables warns
	// well before it comes.
	private Set<LocalDate> configuredOnly(CountryYear key, DeliveryProperties.Holidays configured) {
		if (configured.isEmpty()) {
			if (this.unknown.add(key.country())) {
				logger.warn("No public holiday calendar for {}: only weekends are days off there until "
						+ "gateway.delivery.holidays.{} lists its holidays", key.country(), key.country());
			}
			return Set.of();
		}
		if (!configured.covers(key.year())) {
			logger.warn("gateway.delivery.holidays.{} does not list {}: delivery dates count only weekends as days "
					+ "off there in {}", key.country(), key.year(), key.year());
			Counter.builder("gateway.holidays.uncovered")
				.description("Calendar years asked for that a configured holiday table does not cover")
				.tag("country", key.country().value())
				.register(this.meters)
				.increment();
		}
		return configured.of(key.year());
	}

	private static boolean hasLibraryCalendar(CountryCode country) {
		return HolidayManager.getSupportedCalendarCodes().contains(country.value());
	}

	private record CountryYear(CountryCode country, int year) {

	}

}
