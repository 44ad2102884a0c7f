package eu.tmall.gateway.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which days a country works: Monday to Friday, except its national public holidays
 * (Jollyday's calendars, regional holidays not counted, and those configured for the
 * countries Jollyday has no calendar for).
 */
@Component
public class BusinessCalendar {

	private static final Logger logger = LoggerFactory.getLogger(BusinessCalendar.class);

	// Jollyday parses a country's XML calendar and evaluates its rules on every call
	private final Cache<CountryYear, Set<LocalDate>> holidays = Caffeine.newBuilder().maximumSize(1_000).build();

	private final Set<CountryCode> unknown = ConcurrentHashMap.newKeySet();

	private final DeliveryProperties properties;

	public BusinessCalendar(DeliveryProperties properties) {
		this.properties = properties;
	}

	public boolean isBusinessDay(LocalDate date, CountryCode country) {
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		return !this.holidays.get(new CountryYear(country, date.getYear()), this::load).contains(date);
	}

	// the first calendar starts JAXB up, a second or more, and each further one costs
	// tens of milliseconds: paid for every destination before the gateway reports ready
	// rather
	// than by shoppers' first requests
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		int year = LocalDate.now().getYear();
		CountryCode.euCodes()
			.stream()
			.map(CountryCode::of)
			.forEach(country -> this.holidays.get(new CountryYear(country, year), this::load));
	}

	private Set<LocalDate> load(CountryYear key) {
		Set<LocalDate> configured = this.properties.holidays(key.country());
		if (!HolidayManager.getSupportedCalendarCodes().contains(key.country().value())) {
			if (configured.isEmpty() && this.unknown.add(key.country())) {
				logger.warn("No public holiday calendar for {}: only weekends are days off there until "
						+ "gateway.delivery.holidays.{} lists its holidays", key.country(), key.country());
			}
			return configured;
		}
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(key.country().value()));
		// next year's too: a New Year's Day on a Saturday is taken on the Friday before
		return Stream
			.concat(configured.stream(),
					Stream.of(Year.of(key.year()), Year.of(key.year() + 1))
						.flatMap((year) -> manager.getHolidays(year, HolidayType.PUBLIC_HOLIDAY).stream())
						.map(Holiday::getDate))
			.filter((date) -> date.getYear() == key.year())
			.collect(Collectors.toUnmodifiableSet());
	}

	private record CountryYear(CountryCode country, int year) {

	}

}
