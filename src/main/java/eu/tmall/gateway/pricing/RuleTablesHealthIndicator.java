package eu.tmall.gateway.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import eu.tmall.gateway.delivery.BusinessCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the dated rule tables still cover the coming weeks: the holiday calendars that
 * only configuration provides (China's), the €3 flat duty, and the exchange rates, which
 * run out when they grow older than {@code gateway.pricing.rates-max-age}. A table that
 * ends within {@code gateway.rules.warn-ahead} gets a warning in the details; the status
 * stays {@code UP}, since the gateway still answers, and readiness does not include it.
 * The same ends are gauges, {@code gateway.rules.days.left}, to alert on.
 */
@Component("ruleTables")
public class RuleTablesHealthIndicator implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(RuleTablesHealthIndicator.class);

	private final Clock clock;

	private final BusinessCalendar calendar;

	private final ExchangeRates rates;

	private final PricingProperties pricing;

	private final long warnAheadDays;

	public RuleTablesHealthIndicator(Clock clock, BusinessCalendar calendar, ExchangeRates rates,
			PricingProperties pricing, RulesProperties rules, MeterRegistry meters) {
		this.clock = clock;
		this.calendar = calendar;
		this.rates = rates;
		this.pricing = pricing;
		this.warnAheadDays = rules.warnAhead().toDays();
		for (RuleTableEnd end : ends()) {
			Gauge.builder("gateway.rules.days.left", () -> daysLeft(scoped(end.table(), end.scope())))
				.description("Days until a dated rule table no longer covers the date (negative: ended)")
				.tag("table", end.table())
				.tag("scope", end.scope())
				.register(meters);
		}
	}

	@Override
	public Health health() {
		Map<String, Object> tables = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		for (RuleTableEnd end : ends()) {
			long daysLeft = daysLeft(end);
			tables.put(end.table() + "." + end.scope(), Map.of("end", end.end().toString(), "daysLeft", daysLeft));
			if (daysLeft <= this.warnAheadDays) {
				warnings.add(warning(end, daysLeft));
			}
		}
		return Health.up().withDetail("tables", tables).withDetail("warnings", warnings).build();
	}

	// loud once at start-up too, where an operator deploying looks
	@EventListener(ApplicationReadyEvent.class)
	void warnAtStartUp() {
		for (RuleTableEnd end : ends()) {
			long daysLeft = daysLeft(end);
			if (daysLeft <= this.warnAheadDays) {
				logger.warn("Rule table {}", warning(end, daysLeft));
			}
		}
	}

	/** Every dated table with an end, as of today. */
	List<RuleTableEnd> ends() {
		LocalDate today = today();
		List<RuleTableEnd> ends = new ArrayList<>();
		this.calendar.configuredCalendarsEnd(today)
			.forEach((country,
					end) -> ends.add(new RuleTableEnd("holidays", country.value(), end,
							"delivery dates count only weekends as days off there: add gateway.delivery.holidays."
									+ country.value() + ".years." + end.getYear())));
		PricingProperties.FlatDuty flatDuty = this.pricing.customs().flatDuty();
		if (flatDuty.validUntil() != null) {
			ends.add(new RuleTableEnd("flat-duty", "EU", flatDuty.validUntil(),
					"parcels up to the IOSS threshold carry no duty: configure what follows"));
		}
		ends.add(new RuleTableEnd("exchange-rates", "ECB",
				this.rates.date().plusDays(this.pricing.ratesMaxAge().toDays() + 1),
				"amounts converted at these rates are marked exchangeRatesOutdated: set ECB_RATES_URL"));
		return ends;
	}

	private RuleTableEnd scoped(String table, String scope) {
		return ends().stream()
			.filter(end -> end.table().equals(table) && end.scope().equals(scope))
			.findFirst()
			.orElseThrow();
	}

	private long daysLeft(RuleTableEnd end) {
		return ChronoUnit.DAYS.between(today(), end.end());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String warning(RuleTableEnd end, long daysLeft) {
		String when = (daysLeft > 0) ? "ends in %d days, on %s".formatted(daysLeft, end.end())
				: "ended on %s".formatted(end.end());
		return "%s %s %s: %s".formatted(end.table(), end.scope(), when, end.then());
	}

}
