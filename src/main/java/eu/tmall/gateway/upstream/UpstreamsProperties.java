package eu.tmall.gateway.upstream;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two upstreams. An upstream without a base URL is served by the embedded upstreams.
 *
 * @param tmall Tmall Europe
 * @param aliexpress AliExpress
 */
@ConfigurationProperties("gateway.upstreams")
public record UpstreamsProperties(@DefaultValue Endpoint tmall, @DefaultValue Endpoint aliexpress) {

	public Endpoint of(Upstream upstream) {
		return (upstream == Upstream.TMALL_EUROPE) ? this.tmall : this.aliexpress;
	}

	/**
	 * One upstream.
	 *
	 * @param baseUrl the platform's base URL; unset to use the embedded upstream
	 * @param appKey the application key issued by the platform
	 * @param appSecret the application secret; set it from the environment only
	 * @param connectTimeout how long to wait for a connection
	 * @param timeout the deadline for a whole call, answer included
	 */
	public record Endpoint(@Nullable URI baseUrl, @Nullable String appKey, @Nullable String appSecret,
			@DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration timeout) {

		@Override
		public String toString() {
			return "Endpoint[baseUrl=" + this.baseUrl + ", appKey=" + this.appKey + ", appSecret=******]";
		}

	}

}
