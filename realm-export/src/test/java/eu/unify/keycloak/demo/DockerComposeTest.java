package eu.unify.keycloak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no container engine); this keeps what it names in step with the build. */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void keycloakImageIsTheProjectsKeycloakVersion() throws IOException {
        assertThat(single(Pattern.compile("image: quay\\.io/keycloak/keycloak:(\\S+)")))
                .isEqualTo(build().getProperty("keycloak.version"));
    }

    @Test
    void mountsTheBundleOfThisVersionAndTheShippedRealm() throws IOException {
        assertThat(single(Pattern.compile("\\./bundle/target/unify-keycloak-\\$\\{UNIFY_VERSION:-([^}]+)}\\.jar")))
                .isEqualTo(build().getProperty("project.version"));
        assertThat(compose()).contains("./realm-export/src/main/resources/realms:/opt/keycloak/data/import");
        assertThat(Path.of("src/main/resources/realms/unify-demo-realm.json")).isRegularFile();
    }

    @Test
    void keycloakSendsMailThroughTheForwardingSenderLikeTheDemo() throws IOException {
        assertThat(compose()).contains("\"" + KeycloakServer.MAIL_FORWARDING_OPTION + "\"");
    }

    @Test
    void keycloakHasTheConsoleTabsLikeTheDemo() throws IOException {
        assertThat(compose()).contains("\"" + KeycloakServer.CONSOLE_TABS_OPTION + "\"");
    }

    @Test
    void mailCatcherListensWhereTheDemoRealmSendsMail() throws IOException {
        // The demo realm sends to localhost:3025 (RealmJsonTest); the mail service shares Keycloak's network.
        assertThat(compose()).contains("network_mode: \"service:keycloak\"").contains("MP_SMTP_BIND_ADDR: 0.0.0.0:3025");
    }

    private static String single(Pattern pattern) throws IOException {
        Matcher matcher = pattern.matcher(compose());
        assertThat(matcher.find()).as("%s in %s", pattern, COMPOSE).isTrue();
        String value = matcher.group(1);
        assertThat(matcher.find()).as("only one match of %s", pattern).isFalse();
        return value;
    }

    private static String compose() throws IOException {
        return Files.readString(COMPOSE);
    }

    private static Properties build() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DockerComposeTest.class.getResourceAsStream("build.properties")) {
            assertThat(in).as("build.properties").isNotNull();
            properties.load(in);
        }
        return properties;
    }
}
