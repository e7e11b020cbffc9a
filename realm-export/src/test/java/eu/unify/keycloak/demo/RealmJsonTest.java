package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        JsonNode client = client(json.readTree(RealmImport.shippedRealm()), DemoSettings.CLIENT_ID);

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
        JsonNode user = user(json.readTree(RealmImport.shippedRealm()), DemoSettings.DEMO_USERNAME);

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
        JsonNode client = client(realm, DemoSettings.CLIENT_ID);
        assertThat(client.path("rootUrl").asText()).isEqualTo("http://localhost:18025/app/");
        assertThat(client.path("redirectUris")).extracting(JsonNode::asText)
                .containsExactly("http://localhost:18025/app/*");
        assertThat(client.at("/attributes/post.logout.redirect.uris").asText())
                .isEqualTo("http://localhost:18025/app/*");
        for (String service : SERVICES) {
            JsonNode serviceClient = client(realm, service);
            assertThat(serviceClient.path("redirectUris")).extracting(JsonNode::asText)
                    .containsExactly("http://localhost:18025/app/*");
            assertThat(serviceClient.at("/attributes/unify.service.url").asText())
                    .isEqualTo("http://localhost:18025/app/?service=" + service);
        }
        assertThat(Files.readString(file)).doesNotContain("localhost:8025", "\"3025\"");
    }

    @Test
    void demoCompaniesHoldTheirServicesAndCustomerNumbersAndTheirMembersASubset() throws Exception {
        JsonNode realm = json.readTree(RealmImport.shippedRealm());
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.path("browserFlow").asText()).isEqualTo("unify browser");
        assertThat(realm.path("authenticationFlows").findValuesAsText("authenticator")).contains("unify-service-access");
        for (String service : SERVICES) {
            JsonNode client = client(realm, service);
            assertThat(client.at("/attributes/unify.service").asText()).isEqualTo("true");
            for (String language : List.of("", ".fi", ".de", ".sl")) {
                assertThat(client.at("/attributes/unify.service.name" + language).asText())
                        .as("%s name%s", service, language).isNotBlank();
            }
            assertThat(realm.at("/roles/client/" + service).findValuesAsText("name")).containsExactly("access");
        }

        JsonNode organizations = realm.path("organizations");
        assertThat(organizations.findValuesAsText("alias")).containsExactly("acme", "globex");
        for (JsonNode organization : organizations) {
            List<String> services = texts(organization.at("/attributes/unify.services"));
            List<String> numbers = texts(organization.at("/attributes/unify.customerNumbers"));
            assertThat(services).isNotEmpty().isSubsetOf(SERVICES);
            assertThat(numbers).isNotEmpty();
            List<String> members = organization.path("members").findValuesAsText("username");
            assertThat(members).isNotEmpty();
            long admins = 0;
            for (String member : members) {
                JsonNode user = user(realm, member);
                assertThat(texts(user.at("/attributes/unify.customerNumbers"))).as(member).isSubsetOf(numbers);
                List<String> granted = new ArrayList<>();
                user.path("clientRoles").fieldNames().forEachRemaining(granted::add);
                assertThat(granted).as(member).isSubsetOf(services);
                if (texts(user.path("realmRoles")).contains("unify-company-admin")) {
                    admins++;
                }
            }
            assertThat(admins).as("company admins of %s", organization.path("alias").asText()).isEqualTo(1);
        }
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

    private static final List<String> SERVICES = List.of("shop", "invoices", "reports");

    private static JsonNode client(JsonNode realm, String clientId) {
        return byField(realm.path("clients"), "clientId", clientId);
    }

    private static JsonNode user(JsonNode realm, String username) {
        return byField(realm.path("users"), "username", username);
    }

    private static JsonNode byField(JsonNode array, String field, String value) {
        assertThat(array.isArray()).isTrue();
        List<JsonNode> matches = new ArrayList<>();
        array.forEach(element -> {
            if (value.equals(element.path(field).asText())) {
                matches.add(element);
            }
        });
        assertThat(matches).as("%s %s", field, value).hasSize(1);
        return matches.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        return array.get(0);
    }
}
