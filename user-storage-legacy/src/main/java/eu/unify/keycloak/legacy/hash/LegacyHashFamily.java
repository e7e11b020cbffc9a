package eu.unify.keycloak.legacy.hash;

import java.util.Locale;
import java.util.Optional;

/**
 * The legacy hash formats {@link LegacyPasswordVerifier} understands. All but {@link #BARE_DIGEST} are
 * self-describing: the hash string itself says what it is.
 */
public enum LegacyHashFamily {

    /** {@code $2a$}, {@code $2b$}, {@code $2y$} (OpenBSD bcrypt, PHP {@code password_hash}, htpasswd -B). */
    BCRYPT,

    /** {@code $1$} (MD5-crypt) and Apache's {@code $apr1$} variant. */
    MD5_CRYPT,

    /** {@code $5$}, optionally {@code $5$rounds=N$} (SHA-256-crypt). */
    SHA256_CRYPT,

    /** {@code $6$}, optionally {@code $6$rounds=N$} (SHA-512-crypt). */
    SHA512_CRYPT,

    /** PHC strings {@code $argon2id$}, {@code $argon2i$}, {@code $argon2d$}. */
    ARGON2,

    /** Django's {@code pbkdf2_sha256$iterations$salt$hash} and {@code pbkdf2_sha1$...}. */
    DJANGO_PBKDF2,

    /**
     * LDAP {@code userPassword} schemes: {@code {SSHA}}, {@code {SHA}}, {@code {SSHA256}}, {@code {SHA256}},
     * {@code {SSHA512}}, {@code {SHA512}}, {@code {SMD5}}, {@code {MD5}} and {@code {CRYPT}} followed by one of the
     * crypt formats above.
     */
    LDAP,

    /** Hex or base64 MD5, SHA-1, SHA-256 or SHA-512, salted from a separate column or not: read by {@link BareDigestSettings}. */
    BARE_DIGEST;

    /**
     * The self-describing family a hash announces by its prefix, without checking the rest of it. Empty for anything
     * else, bare digests included.
     */
    public static Optional<LegacyHashFamily> recognise(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
            return Optional.of(BCRYPT);
        }
        if (hash.startsWith("$1$") || hash.startsWith("$apr1$")) {
            return Optional.of(MD5_CRYPT);
        }
        if (hash.startsWith("$5$")) {
            return Optional.of(SHA256_CRYPT);
        }
        if (hash.startsWith("$6$")) {
            return Optional.of(SHA512_CRYPT);
        }
        if (hash.startsWith("$argon2id$") || hash.startsWith("$argon2i$") || hash.startsWith("$argon2d$")) {
            return Optional.of(ARGON2);
        }
        if (hash.startsWith("pbkdf2_sha256$") || hash.startsWith("pbkdf2_sha1$")) {
            return Optional.of(DJANGO_PBKDF2);
        }
        if (LdapScheme.schemeOf(hash).isPresent()) {
            return Optional.of(LDAP);
        }
        return Optional.empty();
    }

    /**
     * The family a {@code hash_algorithm} value names, ignoring case and separators, or empty if it names none. The
     * names are listed in README-hashes.md; digest names ({@code md5}, {@code sha1}, {@code sha256}, {@code sha512})
     * name {@link #BARE_DIGEST}.
     */
    static Optional<LegacyHashFamily> fromHintName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (key) {
            case "bcrypt", "2a", "2b", "2y" -> Optional.of(BCRYPT);
            case "md5crypt", "apr1", "apr1md5" -> Optional.of(MD5_CRYPT);
            case "sha256crypt" -> Optional.of(SHA256_CRYPT);
            case "sha512crypt" -> Optional.of(SHA512_CRYPT);
            case "argon2", "argon2id", "argon2i", "argon2d" -> Optional.of(ARGON2);
            case "django", "djangopbkdf2", "pbkdf2sha256", "pbkdf2sha1" -> Optional.of(DJANGO_PBKDF2);
            case "ldap", "ssha", "ssha256", "ssha512", "smd5" -> Optional.of(LDAP);
            case "md5", "sha1", "sha256", "sha512", "digest" -> Optional.of(BARE_DIGEST);
            default -> Optional.empty();
        };
    }
}
