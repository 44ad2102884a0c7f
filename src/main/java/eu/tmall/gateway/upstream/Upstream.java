package eu.tmall.gateway.upstream;

/**
 * The upstream platforms, with the ids that errors, metrics and configuration use.
 */
public enum Upstream {

	TMALL_EUROPE("tmall-europe", "Tmall Europe"), ALIEXPRESS("aliexpress", "AliExpress");

	private final String id;

	private final String displayName;

	Upstream(String id, String displayName) {
		this.id = id;
		this.displayName = displayName;
	}

	public String id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

}
