package eu.unify.keycloak.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void keycloaksOwnH2IsTheDefaultDatabase() {
        BenchSettings settings = BenchSettings.from(new Properties());
        assertThat(settings.database().kind()).isEqualTo("dev-file");
        assertThat(settings.database().options()).containsExactly("--db=dev-file");
    }

    @Test
    void postgresGetsItsConnectionOptionsAndAPasswordOnlyWhenGiven() {
        Properties properties = new Properties();
        properties.setProperty("unify.bench.db", "postgres");
        assertThat(BenchSettings.from(properties).database().options()).containsExactly("--db=postgres",
                "--db-url=jdbc:postgresql://127.0.0.1:5432/unify_bench", "--db-username=postgres");
        properties.setProperty("unify.bench.dbPassword", "s3cret");
        assertThat(BenchSettings.from(properties).database().options()).contains("--db-password=s3cret");
    }

    @Test
    void anUnknownDatabaseKindIsRefused() {
        Properties properties = new Properties();
        properties.setProperty("unify.bench.db", "oracle");
        assertThatThrownBy(() -> BenchSettings.from(properties)).hasMessageContaining("unify.bench.db");
    }

    @Test
    void extraKeycloakOptionsAreSplitOnWhitespaceAndNoneByDefault() {
        assertThat(BenchSettings.from(new Properties()).keycloakOptions()).isEmpty();
        Properties properties = new Properties();
        properties.setProperty("unify.bench.keycloakOptions",
                " --spi-events-listener--unify-audit--record-token-requests=true   --log-async=true ");
        assertThat(BenchSettings.from(properties).keycloakOptions()).containsExactly(
                "--spi-events-listener--unify-audit--record-token-requests=true", "--log-async=true");
    }
}
