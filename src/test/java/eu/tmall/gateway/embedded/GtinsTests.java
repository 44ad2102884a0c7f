package eu.tmall.gateway.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GtinsTests {

	@Test
	void shouldValidateGs1CheckDigits() {
		assertThat(Gtins.hasValidCheckDigit("4006381333931")).isTrue();
		assertThat(Gtins.hasValidCheckDigit("4006381333932")).isFalse();
		assertThat(Gtins.withCheckDigit("400638133393")).isEqualTo("4006381333931");
		assertThat(Gtins.hasValidCheckDigit("96385074")).isTrue();
	}

	@Test
	void shouldNormaliseGtinsTo14Digits() {
		assertThat(Gtins.normalise("96385074")).isEqualTo("00000096385074");
		assertThat(Gtins.normalise("036000291452")).isEqualTo("00036000291452");
		assertThat(Gtins.normalise("4006381333931")).isEqualTo("04006381333931");
		assertThat(Gtins.normalise("04006381333931")).isEqualTo("04006381333931");
		assertThat(Gtins.normalise("40063813339")).isNull();
		assertThat(Gtins.normalise("400638133393X")).isNull();
	}

	@Test
	void shouldRecogniseRestrictedPrefixes() {
		assertThat(Gtins.isRestricted("2012345678903")).isTrue();
		assertThat(Gtins.isRestricted("0412345678903")).isTrue();
		assertThat(Gtins.isRestricted("9812345678903")).isTrue();
		assertThat(Gtins.isRestricted("4006381333931")).isFalse();
		assertThat(Gtins.isRestricted("6901234567892")).isFalse();
	}

}
