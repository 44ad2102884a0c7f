package eu.tmall.gateway.upstream.tmall;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code data} of a Tmall Europe product search or batch lookup.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TmallSearchPage(@Nullable Integer totalProducts, @Nullable List<TmallListing> products) {

	public List<TmallListing> listings() {
		return (this.products != null) ? this.products : List.of();
	}

	/** Batch lookups carry no total: it is then the page itself. */
	public int total() {
		return (this.totalProducts != null) ? this.totalProducts : listings().size();
	}

}
