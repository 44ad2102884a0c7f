package eu.tmall.gateway.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import eu.tmall.gateway.FixedClockConfiguration;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.embedded.EmbeddedCatalog;
import eu.tmall.gateway.embedded.EmbeddedUpstreams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code search} over HTTP, against the embedded upstreams.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.embedded.latency=0ms")
@AutoConfigureHttpGraphQlTester
@Import(FixedClockConfiguration.class)
class SearchQueryTests {

	@Autowired
	private HttpGraphQlTester graphQl;

	@Autowired
	private EmbeddedUpstreams upstreams;

	@Test
	void shouldVisitEveryMatchingProductOnceWhenPagingThrough() {
		Set<String> expected = matching("headphones");
		assertThat(expected).hasSizeGreaterThan(60);

		List<String> visited = new ArrayList<>();
		String after = null;
		boolean hasNextPage = true;
		int pages = 0;
		while (hasNextPage) {
			GraphQlTester.Response page = this.graphQl.documentName("searchPage")
				.variable("query", "headphones")
				.variable("shipTo", "DE")
				.variable("first", 25)
				.variable("after", after)
				.execute();
			page.errors().verify();
			visited.addAll(page.path("search.edges[*].node.gtin").entityList(String.class).get());
			hasNextPage = page.path("search.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("search.pageInfo.endCursor").entity(String.class).get();
			assertThat(++pages).isLessThan(100);
		}

		assertThat(visited).doesNotHaveDuplicates();
		assertThat(new HashSet<>(visited)).isEqualTo(expected);
		this.graphQl.documentName("searchPage")
			.variable("query", "headphones")
			.variable("shipTo", "DE")
			.variable("first", 1)
			.execute()
			.path("search.totalCount")
			.entity(Integer.class)
			.satisfies(total -> assertThat(total).isGreaterThanOrEqualTo(expected.size()));
	}

	@Test
	void shouldJoinBothMarketplacesOffersOnEachFoundProduct() {
		String shared = this.upstreams.catalog()
			.sharedGtins()
			.stream()
			.filter(gtin -> matching("headphones").contains(gtin))
			.findFirst()
			.orElseThrow();
		List<String> gtins = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more && !gtins.contains(shared)) {
			GraphQlTester.Response page = this.graphQl.documentName("searchPage")
				.variable("query", "headphones")
				.variable("shipTo", "ES")
				.variable("first", 100)
				.variable("after", after)
				.execute();
			List<String> onPage = page.path("search.edges[*].node.gtin").entityList(String.class).get();
			gtins.addAll(onPage);
			more = page.path("search.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("search.pageInfo.endCursor").entity(String.class).get();
			if (onPage.contains(shared)) {
				page.path("search.edges[%d].node.offers[*].marketplace".formatted(onPage.indexOf(shared)))
					.entityList(String.class)
					.hasSize(2)
					.contains("TMALL_EUROPE", "ALIEXPRESS");
			}
		}
		assertThat(gtins).contains(shared);
	}

	@Test
	void shouldAnswerAnEmptyConnectionWhenNothingMatches() {
		this.graphQl.documentName("searchPage")
			.variable("query", "zzzqqqxxy")
			.variable("shipTo", "PL")
			.execute()
			.errors()
			.verify()
			.path("search.totalCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("search.edges")
			.entityList(Object.class)
			.hasSize(0)
			.path("search.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	/**
	 * The GTINs whose title, brand or category contain the word, read from the catalog
	 * itself.
	 */
	private Set<String> matching(String word) {
		EmbeddedCatalog catalog = this.upstreams.catalog();
		Stream<String> tmall = catalog.tmallItems()
			.stream()
			.filter(item -> contains(word, item.title(), item.brand(), item.category()))
			.map(item -> item.gtin13());
		Stream<String> aliExpress = catalog.aliExpressItems()
			.stream()
			.filter(item -> contains(word, item.title(), item.brandName(), item.category()))
			.map(item -> item.ean13());
		return Stream.concat(tmall, aliExpress)
			.map(gtin -> Gtin.parse(gtin).toString())
			.collect(java.util.stream.Collectors.toSet());
	}

	private static boolean contains(String word, String... texts) {
		return Stream.of(texts).anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(word));
	}

}
