package eu.unify.keycloak.legacy.credential;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

import eu.unify.keycloak.legacy.hash.BareDigestSettings;
import eu.unify.keycloak.legacy.hash.DigestAlgorithm;
import eu.unify.keycloak.legacy.hash.DigestEncoding;
import eu.unify.keycloak.legacy.hash.LegacyHash;
import eu.unify.keycloak.legacy.hash.LegacyHashFamily;
import eu.unify.keycloak.legacy.hash.LegacyPasswordVerifier;
import eu.unify.keycloak.legacy.hash.SaltPosition;

/**
 * Carries a legacy hash over into a normal Keycloak password credential, and reads it back.
 *
 * <p>The credential's {@code algorithm} is the family's {@link LegacyCredentialAlgorithm} id, its secret
 * {@code value} the legacy hash exactly as stored. Bare digests also keep the salt column's text (as UTF-8 bytes, so
 * the JSON shows it base64-encoded) and their settings in {@code additionalParameters}: {@value #DIGEST},
 * {@value #SALT_POSITION} and {@value #ENCODING}, with the enum names of
 * {@link eu.unify.keycloak.legacy.hash.DigestAlgorithm}, {@link eu.unify.keycloak.legacy.hash.SaltPosition} and
 * {@link eu.unify.keycloak.legacy.hash.DigestEncoding}; a missing one takes its default, an unknown one makes the
 * credential unusable. {@code hashIterations} is
 * {@value #NO_ITERATIONS}: the cost lives inside the legacy hash.
 */
public final class LegacyPasswordCredentials {

    public static final String DIGEST = "digest";
    public static final String SALT_POSITION = "saltPosition";
    public static final String ENCODING = "encoding";
    public static final int NO_ITERATIONS = -1;

    private LegacyPasswordCredentials() {
    }

    /**
     * The credential for a legacy row, or empty if its hash is not a supported, well-formed legacy hash (then the
     * account should get its credentials another way, e.g. an activation message).
     *
     * @param verifier      the legacy store's verifier, whose settings read bare digests
     * @param hash          the row's {@code password_hash}
     * @param salt          the row's {@code password_salt}, or {@code null}
     * @param algorithmHint the row's {@code hash_algorithm}, or {@code null}
     */
    public static Optional<PasswordCredentialModel> fromLegacy(LegacyPasswordVerifier verifier, String hash, String salt,
                                                              String algorithmHint) {
        return verifier.resolve(hash, salt, algorithmHint).map(LegacyPasswordCredentials::toCredential);
    }

    /** The credential for a hash whose format is known. */
    public static PasswordCredentialModel toCredential(LegacyHash hash) {
        LegacyCredentialAlgorithm algorithm = LegacyCredentialAlgorithm.of(hash.family());
        Map<String, List<String>> parameters = Map.of();
        byte[] salt = null;
        if (hash.family() == LegacyHashFamily.BARE_DIGEST) {
            BareDigestSettings settings = hash.digestSettings();
            parameters = Map.of(
                    DIGEST, List.of(settings.algorithm().name()),
                    SALT_POSITION, List.of(settings.saltPosition().name()),
                    ENCODING, List.of(settings.encoding().name()));
            salt = hash.salt() == null ? null : hash.salt().getBytes(StandardCharsets.UTF_8);
        }
        // This overload also writes the JSON the store keeps; the one taking the two DTOs leaves it empty.
        return PasswordCredentialModel.createFromValues(algorithm.id(), salt, NO_ITERATIONS, parameters, hash.hash());
    }

    /**
     * The legacy hash a credential of the given algorithm holds, or empty if it holds no well-formed hash of that
     * family (e.g. a bcrypt string imported under the MD5-crypt algorithm).
     */
    public static Optional<LegacyHash> toLegacyHash(LegacyCredentialAlgorithm algorithm,
                                                    PasswordCredentialModel credential) {
        PasswordSecretData secret = credential.getPasswordSecretData();
        if (secret == null || secret.getValue() == null || secret.getValue().isBlank()) {
            return Optional.empty();
        }
        String value = secret.getValue().strip();
        LegacyHashFamily family = algorithm.family();
        if (family != LegacyHashFamily.BARE_DIGEST) {
            if (LegacyHashFamily.recognise(value).orElse(null) != family) {
                return Optional.empty();
            }
            LegacyHash hash = new LegacyHash(family, value, null, null);
            return LegacyPasswordVerifier.isWellFormed(hash) ? Optional.of(hash) : Optional.empty();
        }
        PasswordCredentialData data = credential.getPasswordCredentialData();
        MultivaluedHashMap<String, String> parameters =
                data == null ? new MultivaluedHashMap<>() : data.getAdditionalParameters();
        String digest = first(parameters, DIGEST);
        String saltPosition = first(parameters, SALT_POSITION);
        String encoding = first(parameters, ENCODING);
        // A value that is present must be understood: reading the hash another way could only fail or mislead.
        if (digest != null && DigestAlgorithm.fromName(digest).isEmpty()
                || saltPosition != null && SaltPosition.fromName(saltPosition).isEmpty()
                || encoding != null && DigestEncoding.fromName(encoding).isEmpty()) {
            return Optional.empty();
        }
        BareDigestSettings settings = BareDigestSettings.fromNames(digest, saltPosition, encoding);
        String salt = secret.getSalt() == null ? null : new String(secret.getSalt(), StandardCharsets.UTF_8);
        LegacyHash hash = new LegacyHash(family, value, salt, settings);
        return LegacyPasswordVerifier.isWellFormed(hash) ? Optional.of(hash) : Optional.empty();
    }

    private static String first(MultivaluedHashMap<String, String> parameters, String key) {
        return parameters == null ? null : parameters.getFirst(key);
    }
}
