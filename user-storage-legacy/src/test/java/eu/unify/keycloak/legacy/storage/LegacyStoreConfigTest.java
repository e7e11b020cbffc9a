package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.legacy.hash.BareDigestSettings;
import eu.unify.keycloak.legacy.hash.DigestAlgorithm;
import eu.unify.keycloak.legacy.hash.DigestEncoding;
import eu.unify.keycloak.legacy.hash.SaltPosition;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.provider.ProviderConfigProperty;

class LegacyStoreConfigTest {

    @Test
    void emptyConfigurationFallsBackToDefaults() {
        LegacyStoreConfig config = LegacyStoreConfig.of(new MultivaluedHashMap<>());
        assertThat(config.poolSize()).isEqualTo(LegacyStoreConfig.DEFAULT_POOL_SIZE);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.syncBatchSize()).isEqualTo(500);
        assertThat(config.findByUsernameSql()).contains(":username");
        assertThat(config.findByEmailSql()).contains(":email");
        assertThat(config.listAllSql()).contains(":limit").contains(":offset");
        assertThat(config.subAccountsSql()).contains("WHERE main_account = :main_account");
        assertThat(config.hasSubAccountsSql()).as("an older configuration without the option").isFalse();
        assertThat(config.password()).isEmpty();
    }

    @Test
    void invalidOrOutOfRangeNumbersFallBack() {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle(LegacyStoreConfig.POOL_SIZE, "many");
        values.putSingle(LegacyStoreConfig.QUERY_TIMEOUT, "0");
        values.putSingle(LegacyStoreConfig.CONNECT_TIMEOUT, " 12 ");
        values.putSingle(LegacyStoreConfig.FIND_BY_EMAIL, "  ");
        LegacyStoreConfig config = LegacyStoreConfig.of(values);
        assertThat(config.poolSize()).isEqualTo(LegacyStoreConfig.DEFAULT_POOL_SIZE);
        assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(12));
        assertThat(config.findByEmailSql()).as("email lookup switched off").isEmpty();
    }

    @Test
    void bareDigestSettingsComeFromTheConsoleAndFallBackToTheirDefaults() {
        assertThat(LegacyStoreConfig.of(new MultivaluedHashMap<>()).bareDigestSettings())
                .isEqualTo(BareDigestSettings.DEFAULTS);
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle(LegacyStoreConfig.DIGEST_ALGORITHM, "SHA-1");
        values.putSingle(LegacyStoreConfig.DIGEST_SALT_POSITION, "before");
        values.putSingle(LegacyStoreConfig.DIGEST_ENCODING, "nonsense");
        assertThat(LegacyStoreConfig.of(values).bareDigestSettings()).isEqualTo(new BareDigestSettings(
                DigestAlgorithm.SHA_1, SaltPosition.BEFORE_PASSWORD, DigestEncoding.HEX));
    }

    @Test
    void everyOptionHasALabelAHelpTextAndTheSecretIsSecret() {
        assertThat(LegacyStoreConfig.PROPERTIES).allSatisfy(p -> {
            assertThat(p.getLabel()).isNotBlank();
            assertThat(p.getHelpText()).isNotBlank();
        });
        assertThat(LegacyStoreConfig.PROPERTIES).filteredOn(p -> p.getName().equals(LegacyStoreConfig.JDBC_PASSWORD))
                .singleElement().satisfies(p -> {
                    assertThat(p.isSecret()).isTrue();
                    assertThat(p.getType()).isEqualTo(ProviderConfigProperty.PASSWORD);
                });
        assertThat(LegacyStoreConfig.PROPERTIES).filteredOn(p -> !p.getName().equals(LegacyStoreConfig.JDBC_URL)
                        && !p.getName().equals(LegacyStoreConfig.JDBC_USER)
                        && !p.getName().equals(LegacyStoreConfig.JDBC_PASSWORD))
                .allSatisfy(p -> assertThat(p.getDefaultValue()).isNotNull());
    }

    @Test
    void countByWaveHasADefaultQueryOverTheDefaultTable() {
        assertThat(LegacyStoreConfig.of(new MultivaluedHashMap<>()).countByWaveSql())
                .isEqualTo("SELECT wave, COUNT(*) AS total FROM legacy_users GROUP BY wave");
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle(LegacyStoreConfig.COUNT_BY_WAVE, " SELECT welle AS wave, COUNT(*) AS total FROM k GROUP BY welle ");
        assertThat(LegacyStoreConfig.of(values).countByWaveSql())
                .isEqualTo("SELECT welle AS wave, COUNT(*) AS total FROM k GROUP BY welle");
    }

    @Test
    void rightsMappingIsAMultivaluedTableThatIsEmptyByDefault() {
        assertThat(LegacyStoreConfig.PROPERTIES).filteredOn(p -> p.getName().equals(LegacyStoreConfig.RIGHTS_MAPPING))
                .singleElement().satisfies(p -> assertThat(p.getType())
                        .isEqualTo(ProviderConfigProperty.MULTIVALUED_STRING_TYPE));
        assertThat(LegacyStoreConfig.of(new MultivaluedHashMap<>()).rightsMapping().isEmpty()).isTrue();

        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.addAll(LegacyStoreConfig.RIGHTS_MAPPING, "orders=client:shop:access", "", "reports=role:reader");
        assertThat(LegacyStoreConfig.of(values).rightsMapping().targets()).hasSize(2);
    }

    @Test
    void poolIsRebuiltOnlyWhenConnectionSettingsChange() {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle(LegacyStoreConfig.JDBC_URL, "jdbc:postgresql://db/legacy");
        String before = LegacyStoreConfig.of(values).poolFingerprint();
        values.putSingle(LegacyStoreConfig.SYNC_BATCH_SIZE, "100");
        assertThat(LegacyStoreConfig.of(values).poolFingerprint()).isEqualTo(before);
        values.putSingle(LegacyStoreConfig.JDBC_PASSWORD, "changed");
        assertThat(LegacyStoreConfig.of(values).poolFingerprint()).isNotEqualTo(before);
    }
}
