package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RealmJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shippedRealmIsTheBrandedUnifyDemoRealm() throws Exception {
        JsonNode realm = json.readTree(RealmImport.shippedRealm());

        assertThat(realm.path("realm").asText()).isEqualTo("unify-demo");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("loginTheme").asText()).isEqualTo("unify");
        assertThat(realm.path("emailTheme").asText()).isEqualTo("unify");
        assertThat(realm.path("internationalizationEnabled").asBoolean()).isTrue();
        assertThat(realm.path("supportedLocales")).extracting(JsonNode::asText).containsExactly("en", "fi", "de", "sl");
        assertThat(realm.path("defaultLocale").asText()).isEqualTo("en");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("resetPasswordAllowed").asBoolean()).isTrue();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("passwordPolicy").asText()).contains("length(8)");
        assertThat(realm.at("/smtpServer/host").asText()).isEqualTo("localhost");
        assertThat(realm.at("/smtpServer/port").asText()).isEqualTo("3025");
        assertThat(realm.at("/smtpServer/from").asText()).isEqualTo("noreply@unify.localhost");
    }

    @Test
    void demoClientIsAPublicStandardFlowClientThatRequiresPkce() throws Exception {
        JsonNode client = single(json.readTree(RealmImport.shippedRealm()).path("clients"));

        assertThat(client.path("clientId").asText()).isEqualTo(DemoSettings.CLIENT_ID);
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(client.path("redirectUris")).extracting(JsonNode::asText)
                .containsExactly("http://localhost:8025/app/*");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText()).isEqualTo("http://localhost:8025/app/*");
    }

    @Test
    void demoUserHasAVerifiedEmailAndAPermanentPassword() throws Exception {
        JsonNode user = single(json.readTree(RealmImport.shippedRealm()).path("users"));

        assertThat(user.path("username").asText()).isEqualTo(DemoSettings.DEMO_USERNAME);
        assertThat(user.path("email").asText()).isEqualTo("demo@unify.localhost");
        assertThat(user.path("emailVerified").asBoolean()).isTrue();
        JsonNode password = single(user.path("credentials"));
        assertThat(password.path("type").asText()).isEqualTo("password");
        assertThat(password.path("value").asText()).isEqualTo(DemoSettings.DEMO_PASSWORD);
        assertThat(password.path("temporary").asBoolean()).isFalse();
    }

    @Test
    void importCopyCarriesThePortsOfThisRun(@TempDir Path keycloakHome) throws Exception {
        Path file = new RealmImport(keycloakHome).writeImportFile(13025, 18025);

        assertThat(file).isEqualTo(keycloakHome.resolve("data/import/unify-demo-realm.json"));
        JsonNode realm = json.readTree(Files.readString(file));
        assertThat(realm.at("/smtpServer/port").asText()).isEqualTo("13025");
        JsonNode client = single(realm.path("clients"));
        assertThat(client.path("rootUrl").asText()).isEqualTo("http://localhost:18025/app/");
        assertThat(client.path("redirectUris")).extracting(JsonNode::asText)
                .containsExactly("http://localhost:18025/app/*");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:18025/app/*");
        assertThat(Files.readString(file)).doesNotContain("localhost:8025", "\"3025\"");
    }

    @Test
    void warnsWhenALaterStartUsesOtherPortsThanTheImport(@TempDir Path keycloakHome) throws Exception {
        RealmImport realmImport = new RealmImport(keycloakHome);
        assertThat(realmImport.willImport()).isTrue();
        Files.createDirectories(keycloakHome.resolve("data/h2"));
        realmImport.rememberImportedPorts(3025, 8025);

        assertThat(realmImport.willImport()).isFalse();
        assertThat(realmImport.portsChangedSinceImport(3025, 8025)).isEmpty();
        assertThat(realmImport.portsChangedSinceImport(13025, 8025)).get().asString()
                .contains("SMTP port 3025", "13025");
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        return array.get(0);
    }
}
