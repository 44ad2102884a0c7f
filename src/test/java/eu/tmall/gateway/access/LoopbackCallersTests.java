package eu.tmall.gateway.access;

import java.lang.reflect.Constructor;
import java.net.InetSocketAddress;
import java.util.Map;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * The rule that lets a developer's curl in without a key: decided on the connection's
 * peer, never on what a client can write in a header.
 */
class LoopbackCallersTests {

	private static final HttpHeaders NONE = new HttpHeaders();

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1" })
	void shouldExemptALoopbackPeer(String peer) {
		assertThat(LoopbackCallers.isLocal(new InetSocketAddress(peer, 50123), NONE::containsHeader)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.10", "10.1.2.3", "172.16.0.1", "192.168.1.5", "0.0.0.0", "2001:db8::1",
			"::ffff:192.0.2.10" })
	void shouldNeverExemptAPeerOffThisMachine(String peer) {
		assertThat(LoopbackCallers.isLocal(new InetSocketAddress(peer, 50123), NONE::containsHeader)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Forwarded", "X-Forwarded-For", "x-forwarded-for", "X-Forwarded-Host", "X-Forwarded-Proto",
			"X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Real-IP" })
	void shouldNotExemptARequestAProxyOnThisMachineForwarded(String header) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(header, "127.0.0.1");

		assertThat(LoopbackCallers.isLocal(new InetSocketAddress("127.0.0.1", 50123), headers::containsHeader))
			.isFalse();
	}

	@Test
	void shouldNotExemptAWebPageOpenOnThisMachine() {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin("https://any-site.example");

		assertThat(LoopbackCallers.isLocal(new InetSocketAddress("127.0.0.1", 50123), headers::containsHeader))
			.isFalse();
	}

	@Test
	void shouldNotExemptAPeerItCannotRead() {
		assertThat(LoopbackCallers.isLocal(null, NONE::containsHeader)).isFalse();
		assertThat(
				LoopbackCallers.isLocal(InetSocketAddress.createUnresolved("localhost", 50123), NONE::containsHeader))
			.isFalse();
	}

	@Test
	void shouldDecideOnTheConnectionNotOnTheRemoteAddressSpringReports() throws Exception {
		ServerHttpRequest fromAfar = request("192.0.2.10", "127.0.0.1", Map.of());
		ServerHttpRequest fromHere = request("127.0.0.1", "192.0.2.10", Map.of());

		assertThat(fromAfar.getRemoteAddress().getAddress().isLoopbackAddress()).isTrue();
		assertThat(LoopbackCallers.isLocal(fromAfar)).isFalse();
		assertThat(LoopbackCallers.isLocal(fromHere)).isTrue();
	}

	@Test
	void shouldSeeTheProxysHeadersAfterSpringHasAppliedAndRemovedThem() throws Exception {
		ServerHttpRequest proxied = request("127.0.0.1", "127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9"));

		ServerHttpRequest forwarded = new ForwardedHeaderTransformer().apply(proxied);

		assertThat(forwarded.getHeaders().containsHeader("X-Forwarded-For")).isFalse();
		assertThat(forwarded.getRemoteAddress().getHostString()).isEqualTo("203.0.113.9");
		assertThat(LoopbackCallers.isLocal(forwarded)).isFalse();
	}

	@Test
	void shouldNotExemptARequestWithoutAConnectionWhateverItsRemoteAddress() {
		ServerHttpRequest mock = MockServerHttpRequest.post("/graphql")
			.remoteAddress(new InetSocketAddress("127.0.0.1", 50123))
			.build();

		assertThat(LoopbackCallers.isLocal(mock)).isFalse();
	}

	/**
	 * A request as Reactor Netty hands it to Spring, its connection's peer and the
	 * address its forwarded-header handler would report mocked.
	 */
	private static ServerHttpRequest request(String connectionPeer, String reportedPeer, Map<String, String> headers)
			throws Exception {
		DefaultHttpHeaders received = new DefaultHttpHeaders();
		headers.forEach(received::add);
		HttpServerRequest netty = mock(HttpServerRequest.class, withSettings().extraInterfaces(Connection.class));
		given(((Connection) netty).channel()).willReturn(new EmbeddedChannel());
		given(netty.method()).willReturn(HttpMethod.POST);
		given(netty.scheme()).willReturn("http");
		given(netty.hostName()).willReturn("localhost");
		given(netty.hostPort()).willReturn(8080);
		given(netty.uri()).willReturn("/graphql");
		given(netty.requestHeaders()).willReturn(received);
		given(netty.receive()).willReturn(ByteBufFlux.fromString(Flux.empty()));
		given(netty.connectionRemoteAddress()).willReturn(new InetSocketAddress(connectionPeer, 50123));
		given(netty.remoteAddress()).willReturn(new InetSocketAddress(reportedPeer, 50123));
		// the adapter Spring's Reactor Netty server uses; package-private in Spring
		Constructor<?> adapter = Class.forName("org.springframework.http.server.reactive.ReactorServerHttpRequest")
			.getDeclaredConstructor(HttpServerRequest.class, NettyDataBufferFactory.class);
		adapter.setAccessible(true);
		return (ServerHttpRequest) adapter.newInstance(netty, new NettyDataBufferFactory(ByteBufAllocator.DEFAULT));
	}

}
