package eu.unify.keycloak.legacy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashDiagnosisTest {

    private static final BareDigestSettings DEFAULTS = BareDigestSettings.DEFAULTS;

    @Test
    void aSelfDescribingHashIsNamedByItsFamily() {
        LegacyHashFixtures bcrypt = LegacyHashFixtures.byId("bcrypt-2y-htpasswd");
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, bcrypt.hash(), null, null, null);
        assertThat(diagnosis.appearsToBe()).containsExactly("bcrypt");
        assertThat(diagnosis.readAs()).isEqualTo("bcrypt");
        assertThat(diagnosis.passwordChecked()).isFalse();
        assertThat(diagnosis.matches()).isNull();
        assertThat(HashDiagnosis.of(DEFAULTS, LegacyHashFixtures.byId("sha512crypt-openssl").hash(), null, null, null)
                .appearsToBe()).containsExactly("sha512-crypt");
        assertThat(HashDiagnosis.of(DEFAULTS, LegacyHashFixtures.byId("django-pbkdf2-sha256").hash(), null, null,
                null).appearsToBe()).containsExactly("django-pbkdf2");
    }

    @Test
    void theRightPasswordMatchesAsTheStoreReadsIt() {
        LegacyHashFixtures bcrypt = LegacyHashFixtures.byId("bcrypt-2y-umlaut");
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, bcrypt.hash(), null, null, bcrypt.password());
        assertThat(diagnosis.matches()).isTrue();
        assertThat(diagnosis.matchingScheme()).isEqualTo("bcrypt");
        HashDiagnosis wrong = HashDiagnosis.of(DEFAULTS, bcrypt.hash(), null, null, "not it");
        assertThat(wrong.matches()).isFalse();
        assertThat(wrong.matchingScheme()).isNull();
    }

    @Test
    void aWrongSaltPositionIsToldApartFromAWrongPassword() {
        LegacyHashFixtures before = LegacyHashFixtures.byId("sha256-hex-salt-before");
        // The store's default reads the salt after the password: sign-in fails, the tool names the position.
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, before.hash(), before.salt(), null, before.password());
        assertThat(diagnosis.saltColumn()).isTrue();
        assertThat(diagnosis.readAs()).isEqualTo("sha256:salt-after:hex");
        assertThat(diagnosis.matches()).isFalse();
        assertThat(diagnosis.matchingScheme()).isEqualTo("sha256:salt-before:hex");
        assertThat(diagnosis.appearsToBe()).contains("sha256:hex");
    }

    @Test
    void aBareDigestOfAnotherAlgorithmIsFound() {
        LegacyHashFixtures md5 = LegacyHashFixtures.byId("md5-hex-unsalted");
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, md5.hash(), null, null, md5.password());
        assertThat(diagnosis.appearsToBe()).containsExactly("md5:hex");
        assertThat(diagnosis.readAs()).isNull();
        assertThat(diagnosis.matches()).isFalse();
        assertThat(diagnosis.matchingScheme()).isEqualTo("md5:hex");
    }

    @Test
    void theRowsHintDecidesHowTheStoreReadsIt() {
        LegacyHashFixtures hinted = LegacyHashFixtures.byId("sha1-base64-hint-overrides");
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, hinted.hash(), hinted.salt(), hinted.hint(),
                hinted.password());
        assertThat(diagnosis.readAs()).isEqualTo("sha1:salt-before:base64");
        assertThat(diagnosis.matches()).isTrue();
        assertThat(diagnosis.matchingScheme()).isEqualTo("sha1:salt-before:base64");
    }

    @Test
    void nothingOfTheHashOrSaltIsInTheAnswer() {
        LegacyHashFixtures salted = LegacyHashFixtures.byId("sha512-base64-salt-after");
        HashDiagnosis diagnosis = HashDiagnosis.of(DEFAULTS, salted.hash(), salted.salt(), null, salted.password());
        assertThat(diagnosis.toString()).doesNotContain(salted.hash(), salted.salt(), salted.password());
        assertThat(HashDiagnosis.of(DEFAULTS, "", null, null, "x").appearsToBe()).isEmpty();
        assertThat(HashDiagnosis.of(DEFAULTS, "not a hash", null, null, "x").matches()).isFalse();
    }
}
