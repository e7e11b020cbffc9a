package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class LegacyAccountTest {

    @Test
    void enabledColumnAcceptsTheUsualSpellings() {
        assertThat(LegacyAccount.parseEnabled(null)).isTrue();
        assertThat(LegacyAccount.parseEnabled(1)).isTrue();
        assertThat(LegacyAccount.parseEnabled(BigDecimal.ONE)).isTrue();
        assertThat(LegacyAccount.parseEnabled("Y")).isTrue();
        assertThat(LegacyAccount.parseEnabled(Boolean.FALSE)).isFalse();
        assertThat(LegacyAccount.parseEnabled(0)).isFalse();
        for (String no : new String[] {"0", "false", "NO", "n", "f", "off", " 0 "}) {
            assertThat(LegacyAccount.parseEnabled(no)).as(no).isFalse();
        }
    }

    @Test
    void blankValuesAreAbsentAndSecretsStayOutOfToString() {
        LegacyAccount account = new LegacyAccount("Hans", "$2y$05$secret-hash", "pepper", " ", " ", "", null, "",
                null, "2", true);
        assertThat(account.hashAlgorithm()).isNull();
        assertThat(account.email()).isNull();
        assertThat(account.isMainAccount()).isTrue();
        assertThat(account.toString()).doesNotContain("Hans").doesNotContain("secret-hash").doesNotContain("pepper")
                .contains(account.reference());
    }

    @Test
    void theReferenceIsTheStartOfTheSha256OfTheUsername() {
        // printf '%s' 'Hans' | sha256sum
        assertThat(LegacyAccount.reference("Hans")).isEqualTo("legacy account fe7a26f92564");
        assertThat(LegacyAccount.reference("hans")).isNotEqualTo(LegacyAccount.reference("Hans"));
    }
}
