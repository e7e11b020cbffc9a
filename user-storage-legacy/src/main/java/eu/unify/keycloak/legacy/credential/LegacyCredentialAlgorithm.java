package eu.unify.keycloak.legacy.credential;

import java.util.Arrays;
import java.util.Optional;

import eu.unify.keycloak.legacy.hash.LegacyHashFamily;

/**
 * The password hash provider id (the credential's {@code algorithm}) of each legacy hash family. These ids are stored
 * in credentials and are a public contract: never rename them.
 */
public enum LegacyCredentialAlgorithm {

    BCRYPT("unify-legacy-bcrypt", LegacyHashFamily.BCRYPT),
    MD5_CRYPT("unify-legacy-md5crypt", LegacyHashFamily.MD5_CRYPT),
    SHA256_CRYPT("unify-legacy-sha256crypt", LegacyHashFamily.SHA256_CRYPT),
    SHA512_CRYPT("unify-legacy-sha512crypt", LegacyHashFamily.SHA512_CRYPT),
    ARGON2("unify-legacy-argon2", LegacyHashFamily.ARGON2),
    DJANGO_PBKDF2("unify-legacy-pbkdf2-django", LegacyHashFamily.DJANGO_PBKDF2),
    LDAP("unify-legacy-ldap", LegacyHashFamily.LDAP),
    DIGEST("unify-legacy-digest", LegacyHashFamily.BARE_DIGEST);

    private final String id;
    private final LegacyHashFamily family;

    LegacyCredentialAlgorithm(String id, LegacyHashFamily family) {
        this.id = id;
        this.family = family;
    }

    /** The provider id, stored as the credential's algorithm. */
    public String id() {
        return id;
    }

    public LegacyHashFamily family() {
        return family;
    }

    public static LegacyCredentialAlgorithm of(LegacyHashFamily family) {
        return Arrays.stream(values()).filter(a -> a.family == family).findFirst().orElseThrow();
    }

    public static Optional<LegacyCredentialAlgorithm> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
