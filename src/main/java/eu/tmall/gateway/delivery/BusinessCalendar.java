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
 * (Jollyday's calendars; regional holidays are not counted).
 */
@Component
public class BusinessCalendar {

	private static final Logger logger = LoggerFactory.getLogger(BusinessCalendar.class);

	// Jollyday parses a country's XML calendar and evaluates its rules on every call
	private final Cache<CountryYear, Set<LocalDate>> holidays = Caffeine.newBuilder().maximumSize(1_000).build();

	private final Set<CountryCode> unknown = ConcurrentHashMap.newKeySet();

	public boolean isBusinessDay(LocalDate date, CountryCode country) {
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return false;
		}
		return !this.holidays.get(new CountryYear(country, date.getYear()), this::load).contains(date);
	}

	// the first calendar starts JAXB up, half a second or more: paid before the gateway
	// reports ready rather than by a shopper's request
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		HolidayManager.getInstance(ManagerParameters.create("DE"));
	}

	private Set<LocalDate> load(CountryYear key) {
		if (!HolidayManager.getSupportedCalendarCodes().contains(key.country().value())) {
			if (this.unknown.add(key.country())) {
				logger.debug("No public holiday calendar for {}: only weekends are days off there", key.country());
			}
			return Set.of();
		}
		HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(key.country().value()));
		// next year's too: a New Year's Day on a Saturday is taken on the Friday before
		return Stream.of(Year.of(key.year()), Year.of(key.year() + 1))
			.flatMap((year) -> manager.getHolidays(year, HolidayType.PUBLIC_HOLIDAY).stream())
			.map(Holiday::getDate)
			.filter((date) -> date.getYear() == key.year())
			.collect(Collectors.toUnmodifiableSet());
	}

	private record CountryYear(CountryCode country, int year) {

	}

}
