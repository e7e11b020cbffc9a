package eu.unify.keycloak.activation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodePolicy;

class AccountCodeOptionsTest {

    @Test
    void defaultsAreSevenDaysFourteenSymbolsFiveTries() {
        AccountCodeOptions options = AccountCodeOptions.of(null);
        CodePolicy policy = options.policy();
        assertThat(policy.kind()).isEqualTo(CodeKind.ACCOUNT);
        assertThat(policy.length()).isEqualTo(14);
        assertThat(CodeKind.ACCOUNT.entropyBits(policy.length())).isGreaterThanOrEqualTo(64);
        assertThat(policy.lifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(options.maxFailuresPerAddress()).isEqualTo(30);
    }

    @Test
    void readsWhatTheAdminConfigured() {
        AccountCodeOptions options = AccountCodeOptions.of(Map.of(
                CodePolicy.CONFIG_LENGTH, "16",
                AccountCodeOptions.LIFETIME_DAYS, " 2 ",
                CodePolicy.CONFIG_MAX_ATTEMPTS, "3",
                AccountCodeOptions.MAX_FAILURES_PER_ADDRESS, "100"));
        assertThat(options.policy().length()).isEqualTo(16);
        assertThat(options.policy().lifetime()).isEqualTo(Duration.ofDays(2));
        assertThat(options.policy().maxAttempts()).isEqualTo(3);
        assertThat(options.maxFailuresPerAddress()).isEqualTo(100);
    }

    @Test
    void invalidValuesFallBackFieldByField() {
        AccountCodeOptions options = AccountCodeOptions.of(Map.of(
                CodePolicy.CONFIG_LENGTH, "12",
                AccountCodeOptions.LIFETIME_DAYS, "31",
                CodePolicy.CONFIG_MAX_ATTEMPTS, "two",
                AccountCodeOptions.MAX_FAILURES_PER_ADDRESS, "0"));
        assertThat(options.policy().length()).as("below the 64-bit floor").isEqualTo(14);
        assertThat(options.policy().lifetime()).isEqualTo(Duration.ofDays(7));
        assertThat(options.policy().maxAttempts()).isEqualTo(5);
        assertThat(options.maxFailuresPerAddress()).isEqualTo(30);

        assertThat(AccountCodeOptions.of(Map.of(AccountCodeOptions.LIFETIME_DAYS, "30")).policy().lifetime())
                .isEqualTo(Duration.ofDays(30));
        assertThat(AccountCodeOptions.of(Map.of(AccountCodeOptions.LIFETIME_DAYS, "0")).policy().lifetime())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theBoundOnWrongCodesInARowStaysWithinNistsHundred() {
        assertThat(AccountCodeOptions.of(Map.of()).maxWrongCodesInARow()).isEqualTo(50);
        assertThat(AccountCodeOptions.of(Map.of(SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW, " 20 ")).maxWrongCodesInARow())
                .isEqualTo(20);
        for (String invalid : new String[] {"", "4", "101", "many", "-1"}) {
            assertThat(SessionCodeOptions.maxWrongCodesInARow(Map.of(SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW, invalid)))
                    .as(invalid).isEqualTo(50);
        }
        assertThat(SessionCodeOptions.maxWrongCodesInARow(null)).isEqualTo(50);
        assertThat(SessionCodeOptions.maxWrongCodesInARow(Map.of(SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW, "100")))
                .isEqualTo(100);
    }

    @Test
    void everyOptionHasALabelAHelpTextAndADefault() {
        assertThat(AccountCodeOptions.properties()).extracting(ProviderConfigProperty::getName)
                .containsExactly(CodePolicy.CONFIG_LENGTH, AccountCodeOptions.LIFETIME_DAYS,
                        CodePolicy.CONFIG_MAX_ATTEMPTS, AccountCodeOptions.MAX_FAILURES_PER_ADDRESS,
                        SessionCodeOptions.MAX_WRONG_CODES_IN_A_ROW);
        assertThat(AccountCodeOptions.properties()).allSatisfy(property -> {
            assertThat(property.getLabel()).isNotBlank();
            assertThat(property.getHelpText()).isNotBlank();
            assertThat(property.getDefaultValue()).isNotNull();
            // The default shown in the console is what an empty field means.
            assertThat(AccountCodeOptions.of(Map.of(property.getName(), String.valueOf(property.getDefaultValue()))).policy())
                    .isEqualTo(AccountCodeOptions.of(Map.of()).policy());
        });
    }
}
