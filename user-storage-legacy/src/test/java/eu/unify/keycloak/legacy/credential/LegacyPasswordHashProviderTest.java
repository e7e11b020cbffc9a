package eu.unify.keycloak.legacy.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.legacy.hash.BareDigestSettings;
import eu.unify.keycloak.legacy.hash.DigestAlgorithm;
import eu.unify.keycloak.legacy.hash.DigestEncoding;
import eu.unify.keycloak.legacy.hash.LegacyHashFixtures;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;
import eu.unify.keycloak.legacy.hash.SaltPosition;

class LegacyPasswordHashProviderTest {

    // Hashes made by the real tools: see legacy-hashes.tsv (hash package test resources) for the commands.
    private static final LegacyHashFixtures BCRYPT = LegacyHashFixtures.byId("bcrypt-2y-htpasswd");
    private static final LegacyHashFixtures SHA512_CRYPT = LegacyHashFixtures.byId("sha512crypt-openssl");
    private static final LegacyHashFixtures SHA256_SALT_BEFORE = LegacyHashFixtures.byId("sha256-hex-salt-before");

    @Test
    void everyAlgorithmIsRegisteredOnceWithItsId() {
        List<PasswordHashProviderFactory> factories = ServiceLoader.load(PasswordHashProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getClass().getPackageName().equals(getClass().getPackageName()))
                .collect(Collectors.toList());

        assertThat(factories).extracting(PasswordHashProviderFactory::getId)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(LegacyCredentialAlgorithm.values()).map(LegacyCredentialAlgorithm::id).toList());
        assertThat(factories).allSatisfy(factory -> {
            assertThat(factory).isInstanceOf(ServerInfoAwareProviderFactory.class);
            assertThat(((ServerInfoAwareProviderFactory) factory).getOperationalInfo()).containsKey("version");
            assertThat(factory.create(null)).isNotNull();
        });
    }

    @Test
    void theIdsAreThePublishedOnes() {
        assertThat(Arrays.stream(LegacyCredentialAlgorithm.values()).map(LegacyCredentialAlgorithm::id))
                .containsExactly("unify-legacy-bcrypt", "unify-legacy-md5crypt", "unify-legacy-sha256crypt",
                        "unify-legacy-sha512crypt", "unify-legacy-argon2", "unify-legacy-pbkdf2-django",
                        "unify-legacy-ldap", "unify-legacy-digest");
    }

    @Test
    void aCarriedOverBcryptHashVerifiesThePassword() {
        PasswordCredentialModel credential = credentialFor(BCRYPT.hash(), null, null);

        assertThat(credential.getPasswordCredentialData().getAlgorithm()).isEqualTo("unify-legacy-bcrypt");
        assertThat(credential.getPasswordSecretData().getValue()).isEqualTo(BCRYPT.hash());
        PasswordHashProvider provider = provider(LegacyCredentialAlgorithm.BCRYPT);
        assertThat(provider.verify(BCRYPT.password(), credential)).isTrue();
        assertThat(provider.verify("wrong", credential)).isFalse();
    }

    @Test
    void aBareDigestKeepsItsSaltAndSettingsInTheCredential() {
        LegacyPasswordVerifier store = new LegacyPasswordVerifier(
                new BareDigestSettings(DigestAlgorithm.MD5, SaltPosition.AFTER_PASSWORD, DigestEncoding.BASE64));

        PasswordCredentialModel credential = LegacyPasswordCredentials
                .fromLegacy(store, SHA256_SALT_BEFORE.hash(), SHA256_SALT_BEFORE.salt(), "sha256:salt-before:hex").orElseThrow();

        assertThat(credential.getPasswordCredentialData().getAlgorithm()).isEqualTo("unify-legacy-digest");
        assertThat(credential.getPasswordCredentialData().getAdditionalParameters())
                .containsEntry(LegacyPasswordCredentials.DIGEST, List.of("SHA_256"))
                .containsEntry(LegacyPasswordCredentials.SALT_POSITION, List.of("BEFORE_PASSWORD"))
                .containsEntry(LegacyPasswordCredentials.ENCODING, List.of("HEX"));
        assertThat(credential.getPasswordSecretData().getSalt()).isEqualTo(SHA256_SALT_BEFORE.salt().getBytes(StandardCharsets.UTF_8));
        PasswordHashProvider provider = provider(LegacyCredentialAlgorithm.DIGEST);
        assertThat(provider.verify(SHA256_SALT_BEFORE.password(), credential)).isTrue();
        assertThat(provider.verify(SHA256_SALT_BEFORE.password() + " ", credential)).isFalse();
    }

    @Test
    void theCredentialSurvivesTheDatabaseRoundTrip() {
        PasswordCredentialModel original = credentialFor(SHA256_SALT_BEFORE.hash(), SHA256_SALT_BEFORE.salt(), "sha256:salt-before");

        // What the store keeps are the two JSON strings; read them back as Keycloak does.
        CredentialModel stored = new CredentialModel();
        stored.setType(PasswordCredentialModel.TYPE);
        stored.setCredentialData(original.getCredentialData());
        stored.setSecretData(original.getSecretData());
        PasswordCredentialModel reloaded = PasswordCredentialModel.createFromCredentialModel(stored);

        assertThat(provider(LegacyCredentialAlgorithm.DIGEST).verify(SHA256_SALT_BEFORE.password(), reloaded)).isTrue();
    }

    @Test
    void aDigestCredentialImportedWithoutParametersUsesTheDefaults() throws IOException {
        // The admin REST API accepts the JSON by hand: an unsalted hex SHA-256 needs no parameters at all.
        // printf %s 'correct horse battery staple' | sha256sum
        String hash = "c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a";
        CredentialModel stored = new CredentialModel();
        stored.setType(PasswordCredentialModel.TYPE);
        stored.setCredentialData("{\"hashIterations\":-1,\"algorithm\":\"unify-legacy-digest\"}");
        stored.setSecretData("{\"value\":\"" + hash + "\"}");

        PasswordCredentialModel credential = PasswordCredentialModel.createFromCredentialModel(stored);

        assertThat(provider(LegacyCredentialAlgorithm.DIGEST).verify("correct horse battery staple", credential))
                .isTrue();
    }

    @Test
    void aDigestCredentialWithAnUnknownParameterNeverVerifies() {
        // printf %s 'correct horse battery staple' | sha256sum
        String hash = "c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a";
        CredentialModel stored = new CredentialModel();
        stored.setType(PasswordCredentialModel.TYPE);
        stored.setCredentialData("{\"hashIterations\":-1,\"algorithm\":\"unify-legacy-digest\","
                + "\"additionalParameters\":{\"digest\":[\"SHA3-256\"]}}");
        stored.setSecretData("{\"value\":\"" + hash + "\"}");

        PasswordCredentialModel credential = PasswordCredentialModel.createFromCredentialModel(stored);

        assertThat(provider(LegacyCredentialAlgorithm.DIGEST).verify("correct horse battery staple", credential))
                .isFalse();
    }

    @Test
    void aHashOfAnotherFamilyUnderAnAlgorithmNeverVerifies() {
        PasswordCredentialModel sha512 = credentialFor(SHA512_CRYPT.hash(), null, null);
        assertThat(sha512.getPasswordCredentialData().getAlgorithm()).isEqualTo("unify-legacy-sha512crypt");

        assertThat(provider(LegacyCredentialAlgorithm.BCRYPT).verify(SHA512_CRYPT.password(), sha512)).isFalse();
        assertThat(provider(LegacyCredentialAlgorithm.MD5_CRYPT).verify(SHA512_CRYPT.password(), sha512)).isFalse();
        assertThat(provider(LegacyCredentialAlgorithm.SHA512_CRYPT).verify(SHA512_CRYPT.password(), sha512)).isTrue();
    }

    @Test
    void anUnsupportedLegacyHashMakesNoCredential() {
        assertThat(LegacyPasswordCredentials.fromLegacy(new LegacyPasswordVerifier(), "$2y$10$short", null, null))
                .isEmpty();
        assertThat(LegacyPasswordCredentials.fromLegacy(new LegacyPasswordVerifier(), BCRYPT.hash(), null, "md5crypt"))
                .isEmpty();
        assertThat(LegacyPasswordCredentials.fromLegacy(new LegacyPasswordVerifier(), null, null, null)).isEmpty();
    }

    @Test
    void aLegacyCredentialNeverMeetsAPolicySoKeycloakRehashesIt() {
        PasswordCredentialModel credential = credentialFor(BCRYPT.hash(), null, null);

        for (LegacyCredentialAlgorithm algorithm : LegacyCredentialAlgorithm.values()) {
            assertThat(provider(algorithm).policyCheck(PasswordPolicy.empty(), credential)).isFalse();
        }
    }

    @Test
    void noNewPasswordIsEverHashedTheLegacyWay() {
        PasswordHashProvider provider = provider(LegacyCredentialAlgorithm.BCRYPT);

        assertThatThrownBy(() -> provider.encodedCredential("new password", -1))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("unify-legacy-bcrypt")
                .hasMessageNotContaining("new password");
    }

    @Test
    void theServiceFileListsEveryFactory() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.keycloak.credential.hash.PasswordHashProviderFactory")) {
            String services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(services.lines().filter(line -> !line.isBlank())).hasSize(LegacyCredentialAlgorithm.values().length);
        }
    }

    private static PasswordCredentialModel credentialFor(String hash, String salt, String hint) {
        return LegacyPasswordCredentials.fromLegacy(new LegacyPasswordVerifier(), hash, salt, hint).orElseThrow();
    }

    private static PasswordHashProvider provider(LegacyCredentialAlgorithm algorithm) {
        return ServiceLoader.load(PasswordHashProviderFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(factory -> factory.getId().equals(algorithm.id()))
                .findFirst()
                .orElseThrow()
                .create(null);
    }
}
