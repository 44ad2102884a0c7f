package eu.tmall.gateway.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import eu.tmall.gateway.delivery.CountryCode;

/**
 * The standard VAT rate of an EU country on a date: the latest configured table valid
 * from that date or earlier (Directive 2006/112/EC, art. 96–98, rates as each member
 * state sets them). The one VAT table: the embedded upstreams quote their prices with it
 * too.
 */
public final class VatRates {

	private final NavigableMap<LocalDate, Map<String, BigDecimal>> tables = new TreeMap<>();

	public VatRates(List<PricingProperties.VatTable> tables) {
		for (PricingProperties.VatTable table : tables) {
			if (this.tables.put(table.validFrom(), table.rates()) != null) {
				throw new IllegalArgumentException(
						"gateway.pricing.vat has two tables valid from " + table.validFrom());
			}
		}
	}

	/** The rate in percent, e.g. 21 or 25.5. */
	public BigDecimal rate(CountryCode country, LocalDate date) {
		if (!country.isEu()) {
			throw new IllegalArgumentException(
					"%s is not in the EU, so no EU VAT rate applies to a delivery there".formatted(country));
		}
		Map.Entry<LocalDate, Map<String, BigDecimal>> table = this.tables.floorEntry(date);
		if (table == null) {
			throw new IllegalArgumentException(
					"no VAT table is valid on %s: the first is valid from %s".formatted(date, this.tables.firstKey()));
		}
		return table.getValue().get(country.value());
	}

}
