package eu.tmall.gateway.upstream.ecb;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;

import eu.tmall.gateway.pricing.EcbReferenceRates;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches the ECB's {@code eurofxref-daily.xml}.
 */
public class EcbRatesClient {

	private final WebClient webClient;

	private final URI url;

	private final Duration deadline;

	public EcbRatesClient(WebClient webClient, URI url, Duration deadline) {
		this.webClient = webClient;
		this.url = url;
		this.deadline = deadline;
	}

	/**
	 * A client on the configured builder with its own deadlines, which fail the call
	 * inside the connection rather than cancelling it from outside.
	 */
	public static EcbRatesClient create(WebClient.Builder builder, URI url, Duration timeout) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.responseTimeout(timeout);
		return new EcbRatesClient(builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build(), url,
				timeout);
	}

	/**
	 * The day of rates the URL serves; an error when it fails to answer or answers with
	 * anything but a valid daily file.
	 */
	public Mono<EcbReferenceRates> fetch() {
		return this.webClient.get()
			.uri(this.url)
			.accept(MediaType.TEXT_XML, MediaType.APPLICATION_XML)
			.retrieve()
			.bodyToMono(byte[].class)
			.switchIfEmpty(Mono.error(() -> new IllegalArgumentException("the answer has no body")))
			.map(body -> EcbReferenceRates.parse(new ByteArrayInputStream(body)))
			// the connector's timeouts are per read: a body that trickles in would hold
			// the refresher, and every later refresh behind it, for good
			.timeout(this.deadline);
	}

	public URI url() {
		return this.url;
	}

}
