package eu.tmall.gateway.upstream.aliexpress;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import eu.tmall.gateway.catalog.Gtin;
import eu.tmall.gateway.catalog.SearchHits;
import eu.tmall.gateway.delivery.CountryCode;
import eu.tmall.gateway.upstream.Upstream;
import eu.tmall.gateway.upstream.UpstreamChannel;
import eu.tmall.gateway.upstream.UpstreamConnection;
import eu.tmall.gateway.upstream.UpstreamsProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AliExpress pages by page number, so a page the platform answers short must still cover
 * its whole slot, or the next page number would skip or repeat results.
 */
class AliExpressCatalogTests {

	private final WireMockServer server = new WireMockServer(options().dynamicPort());

	private AliExpressCatalog catalog;

	@BeforeEach
	void start() {
		this.server.start();
		UpstreamConnection connection = new UpstreamConnection(URI.create(this.server.baseUrl()), "app", "secret");
		UpstreamsProperties.Endpoint endpoint = new UpstreamsProperties.Endpoint(null, null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(5));
		this.catalog = new AliExpressCatalog(new AliExpressClient(UpstreamChannel.open(Upstream.ALIEXPRESS,
				WebClient.builder(), connection, endpoint, JsonMapper.builder().build(), Clock.systemUTC())));
	}

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@ParameterizedTest(name = "{2} of {3} products at offset {0}: covers {4}")
	@CsvSource({ "0, 20, 2, 45, 20", "40, 20, 3, 45, 5", "20, 20, 20, 45, 20", "60, 20, 0, 45, 0" })
	void shouldCoverTheWholeSlotOfAShortPage(int offset, int limit, int returned, int total, int covered) {
		stubSearch(returned, total);

		SearchHits hits = this.catalog.search("headphones", CountryCode.of("ES"), offset, limit).block();

		assertThat(hits.scanned()).isEqualTo(covered);
		assertThat(hits.gtins()).hasSize(returned);
		assertThat(hits.total()).isEqualTo(total);
	}

	private void stubSearch(int returned, int total) {
		StringBuilder products = new StringBuilder();
		for (int i = 0; i < returned; i++) {
			String body = "690123456" + String.format("%03d", i);
			String ean = body + Gtin.checkDigit(body);
			products.append((i > 0) ? "," : "")
				.append("""
						{"product_id":%d,"ean":"%s","product_title":"Headphones %d","target_sale_price":"9.99",
						 "target_sale_price_currency":"EUR","product_detail_url":"https://www.aliexpress.com/item/%d.html",
						 "default_delivery":{"ship_from_country":"CN","service_name":"AliExpress Standard Shipping",
						 "min_delivery_days":15,"max_delivery_days":30,"shipping_fee":"0.00","shipping_fee_currency":"EUR"}}"""
					.formatted(1000 + i, ean, i, 1000 + i));
		}
		this.server.stubFor(post(urlPathEqualTo("/sync")).willReturn(okJson("""
				{"aliexpress_affiliate_product_query_response":{"resp_result":{"resp_code":200,"resp_msg":"ok",
				 "result":{"total_record_count":%d,"products":{"product":[%s]}}}}}""".formatted(total, products))));
	}

}
