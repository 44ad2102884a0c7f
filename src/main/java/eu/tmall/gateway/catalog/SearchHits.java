package eu.tmall.gateway.catalog;

import java.util.List;

/**
 * A page of one marketplace's search: the GTINs found, how many upstream results the page
 * covered (results without a usable GTIN are counted but cannot be joined), and the
 * total.
 */
public record SearchHits(List<Gtin> gtins, int scanned, int total) {

	public SearchHits {
		gtins = List.copyOf(gtins);
	}

}
