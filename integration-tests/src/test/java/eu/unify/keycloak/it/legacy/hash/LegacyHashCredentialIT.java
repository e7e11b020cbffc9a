package eu.unify.keycloak.it.legacy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectPage;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.page.LoginPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

import eu.unify.keycloak.it.Browser;
import eu.unify.keycloak.it.UnifyRealmConfig;
import eu.unify.keycloak.it.UnifyServerConfig;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * A legacy hash carried over at the move is a normal Keycloak password credential under a {@code unify-legacy-*}
 * algorithm: the user signs in with the old password, and Keycloak replaces the hash with the realm's own algorithm
 * (argon2 by default) at that first successful login. Real server, real browser, admin REST API.
 */
@KeycloakIntegrationTest(config = UnifyServerConfig.class)
class LegacyHashCredentialIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REALM_DEFAULT_ALGORITHM = "argon2";

    @InjectRealm(config = UnifyRealmConfig.class)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient
    OAuthClient oauth;

    @InjectPage
    LoginPage loginPage;

    /** Legacy hashes made by the real tools, with the command next to each. */
    enum LegacyCredential {
        // htpasswd -bnBC 10 '' 'Vanha-salasana-2019' | cut -d: -f2
        BCRYPT("unify-legacy-bcrypt", "Vanha-salasana-2019",
                "$2y$10$QSsqu1n20/uNNk/M94yxZu3tSuJk/1lo0.HSN4/P2iZp0KXG8hKSu", null, Map.of()),
        // mkpasswd -m sha512crypt -R 10000 'Altes Passwort ßäö 2018'
        SHA512_CRYPT("unify-legacy-sha512crypt", "Altes Passwort ßäö 2018",
                "$6$rounds=10000$YqOXQkyewf.EPzpK$jKQ9zuR7c/YmB7uPZUYIshtJgVxqFQSJANs2DEASu8zTkhWRSs2oW5sqie15fLMBOpBU"
                        + "/xMQSgJf56.v.7ZUx1", null, Map.of()),
        // python3 -c 'from passlib.hash import django_pbkdf2_sha256 as h;
        //             print(h.using(rounds=260000).hash("Staro geslo čšž 2017"))'
        DJANGO_PBKDF2("unify-legacy-pbkdf2-django", "Staro geslo čšž 2017",
                "pbkdf2_sha256$260000$v5xaV4DXXOWf$BqyXqbpOL3tFxtMc1Gv02QARNf1u4K2MRaVtcfi4z50=", null, Map.of()),
        // slappasswd -h '{SSHA}' -s 'Directory password 2015'
        LDAP_SSHA("unify-legacy-ldap", "Directory password 2015", "{SSHA}ukNenkLtwWThD4//vC+61f5CnWC7fpPp", null,
                Map.of()),
        // printf %s 'f7Kq2xLegacy pass 2016' | md5sum    (salt column 'f7Kq2x' before the password)
        SALTED_MD5("unify-legacy-digest", "Legacy pass 2016", "bcba962d498385fb16c82920b18ef3de", "f7Kq2x",
                Map.of("digest", List.of("MD5"), "saltPosition", List.of("BEFORE_PASSWORD"),
                        "encoding", List.of("HEX")));

        final String algorithm;
        final String password;
        final String hash;
        final String salt;
        final Map<String, List<String>> parameters;

        LegacyCredential(String algorithm, String password, String hash, String salt,
                         Map<String, List<String>> parameters) {
            this.algorithm = algorithm;
            this.password = SuiteSecrets.register(password);
            this.hash = hash;
            this.salt = salt;
            this.parameters = parameters;
        }

        String username() {
            return "legacy-" + name().toLowerCase().replace('_', '-');
        }
    }

    @BeforeEach
    void signedOut() {
        // Keycloak's cookies live under /realms/<realm>/: delete them from a page on that path.
        driver.open(realm.getBaseUrl() + "/.well-known/openid-configuration");
        driver.cookies().deleteAll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LegacyCredential.class)
    void theOldPasswordSignsInAndTheLegacyHashIsReplacedByTheRealmsAlgorithm(LegacyCredential legacy)
            throws JsonProcessingException {
        String userId = createUserWithLegacyHash(legacy.username(), legacy.algorithm,
                credentialData(legacy.algorithm, legacy.parameters), secretData(legacy.hash, legacy.salt));
        CredentialRepresentation imported = password(userId);
        assertThat(algorithmOf(imported)).isEqualTo(legacy.algorithm);

        signIn(legacy.username(), legacy.password + "x");
        loginPage.assertCurrent();
        assertThat(algorithmOf(password(userId))).as("a wrong password changes nothing").isEqualTo(legacy.algorithm);

        signIn(legacy.username(), legacy.password);
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the legacy password signs in").isTrue();

        CredentialRepresentation rehashed = password(userId);
        assertThat(algorithmOf(rehashed)).isEqualTo(REALM_DEFAULT_ALGORITHM);
        assertThat(rehashed.getId()).as("the same credential, re-hashed").isEqualTo(imported.getId());
        assertThat(rehashed.getCreatedDate()).isEqualTo(imported.getCreatedDate());

        signedOut();
        signIn(legacy.username(), legacy.password);
        assertThat(oauth.parseLoginResponse().isSuccess()).as("the password still works after re-hashing").isTrue();
        signedOut();
        signIn(legacy.username(), legacy.password + "x");
        loginPage.assertCurrent();
    }

    @Test
    void aLegacyCredentialThatDoesNotHoldItsAlgorithmsHashRefusesTheLoginAndStaysAsItIs()
            throws JsonProcessingException {
        // A SHA-512-crypt hash imported under the bcrypt algorithm by mistake: no password can match it.
        LegacyCredential sha512 = LegacyCredential.SHA512_CRYPT;
        String userId = createUserWithLegacyHash("legacy-mislabelled", "unify-legacy-bcrypt",
                credentialData("unify-legacy-bcrypt", Map.of()), secretData(sha512.hash, null));

        signIn("legacy-mislabelled", sha512.password);

        loginPage.assertCurrent();
        assertThat(algorithmOf(password(userId))).isEqualTo("unify-legacy-bcrypt");
    }

    private void signIn(String username, String password) {
        oauth.openLoginForm();
        loginPage.fillLogin(username, password);
        Browser.submitAndWait(driver, loginPage::submit);
    }

    /** A user as the move creates one: the legacy hash imported through the admin REST API, no plain password. */
    private String createUserWithLegacyHash(String username, String algorithm, String credentialData,
                                            String secretData) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setCredentialData(credentialData);
        credential.setSecretData(secretData);

        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.com");
        user.setEmailVerified(true);
        user.setFirstName("Legacy");
        user.setLastName(algorithm);
        user.setEnabled(true);
        user.setCredentials(List.of(credential));
        try (Response response = realm.admin().users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            realm.cleanup().add(r -> r.users().delete(id).close());
            return id;
        }
    }

    /** The JSON of Keycloak's {@code PasswordCredentialData}. */
    private static String credentialData(String algorithm, Map<String, List<String>> parameters)
            throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("hashIterations", -1);
        data.put("algorithm", algorithm);
        data.put("additionalParameters", parameters);
        return JSON.writeValueAsString(data);
    }

    /** The JSON of Keycloak's {@code PasswordSecretData}: the salt, if any, base64-encoded. */
    private static String secretData(String hash, String salt) throws JsonProcessingException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("value", hash);
        if (salt != null) {
            data.put("salt", Base64.getEncoder().encodeToString(salt.getBytes(StandardCharsets.UTF_8)));
        }
        return JSON.writeValueAsString(data);
    }

    private CredentialRepresentation password(String userId) {
        List<CredentialRepresentation> passwords = realm.admin().users().get(userId).credentials().stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .toList();
        assertThat(passwords).hasSize(1);
        return passwords.get(0);
    }

    private static String algorithmOf(CredentialRepresentation credential) throws JsonProcessingException {
        JsonNode data = JSON.readTree(credential.getCredentialData());
        return data.path("algorithm").asText();
    }
}
