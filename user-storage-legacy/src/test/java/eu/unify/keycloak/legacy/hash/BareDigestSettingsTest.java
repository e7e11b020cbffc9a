package eu.unify.keycloak.legacy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BareDigestSettingsTest {

    @Test
    void missingComponentsTakeTheDefaults() {
        assertThat(new BareDigestSettings(null, null, null)).isEqualTo(BareDigestSettings.DEFAULTS);
        assertThat(BareDigestSettings.DEFAULTS.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(BareDigestSettings.DEFAULTS.saltPosition()).isEqualTo(SaltPosition.AFTER_PASSWORD);
        assertThat(BareDigestSettings.DEFAULTS.encoding()).isEqualTo(DigestEncoding.HEX);
    }

    @Test
    void namesAreReadLeniently() {
        assertThat(BareDigestSettings.fromNames("sha-512", "salt-before", "Base64"))
                .isEqualTo(new BareDigestSettings(DigestAlgorithm.SHA_512, SaltPosition.BEFORE_PASSWORD,
                        DigestEncoding.BASE64));
        assertThat(BareDigestSettings.fromNames("SHA_1", "AFTER_PASSWORD", "HEX"))
                .isEqualTo(new BareDigestSettings(DigestAlgorithm.SHA_1, SaltPosition.AFTER_PASSWORD,
                        DigestEncoding.HEX));
        assertThat(BareDigestSettings.fromNames("", null, "  ")).isEqualTo(BareDigestSettings.DEFAULTS);
    }

    @Test
    void withersChangeOneComponent() {
        BareDigestSettings md5 = BareDigestSettings.DEFAULTS.withAlgorithm(DigestAlgorithm.MD5);

        assertThat(md5).isEqualTo(new BareDigestSettings(DigestAlgorithm.MD5, SaltPosition.AFTER_PASSWORD,
                DigestEncoding.HEX));
        assertThat(md5.withSaltPosition(SaltPosition.BEFORE_PASSWORD).withEncoding(DigestEncoding.BASE64))
                .isEqualTo(new BareDigestSettings(DigestAlgorithm.MD5, SaltPosition.BEFORE_PASSWORD,
                        DigestEncoding.BASE64));
    }

    @Test
    void digestLengthsAreTheAlgorithms() {
        assertThat(DigestAlgorithm.MD5.length()).isEqualTo(16);
        assertThat(DigestAlgorithm.SHA_1.length()).isEqualTo(20);
        assertThat(DigestAlgorithm.SHA_256.length()).isEqualTo(32);
        assertThat(DigestAlgorithm.SHA_512.length()).isEqualTo(64);
        assertThat(DigestAlgorithm.fromName("whirlpool")).isEmpty();
    }
}
