package eu.unify.keycloak.legacy.hash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of {@code legacy-hashes.tsv}: hashes made by the real tools (htpasswd, openssl, mkpasswd, argon2, passlib,
 * slappasswd, coreutils) by {@code generate-fixtures.sh}, each with the command that made it.
 */
public record LegacyHashFixtures(String id, String password, String salt, String hint, String settings, String hash,
                          String command) {

    static final String RESOURCE = "legacy-hashes.tsv";

    public static LegacyHashFixtures byId(String id) {
        return all().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
    }

    public static List<LegacyHashFixtures> all() {
        List<LegacyHashFixtures> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(LegacyHashFixtures.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("fixture row without 7 columns: " + f[0]);
                }
                rows.add(new LegacyHashFixtures(f[0], f[1], emptyToNull(f[2]), emptyToNull(f[3]), f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** The verifier the legacy store would use: the row's settings column, or the defaults if it is empty. */
    public LegacyPasswordVerifier verifier() {
        if (settings.isEmpty()) {
            return new LegacyPasswordVerifier();
        }
        String[] parts = settings.split(",");
        return new LegacyPasswordVerifier(new BareDigestSettings(
                DigestAlgorithm.valueOf(parts[0]), SaltPosition.valueOf(parts[1]), DigestEncoding.valueOf(parts[2])));
    }

    /** The family the row's id says its hash is in. */
    LegacyHashFamily expectedFamily() {
        if (id.startsWith("bcrypt")) {
            return LegacyHashFamily.BCRYPT;
        }
        if (id.startsWith("md5crypt") || id.startsWith("apr1")) {
            return LegacyHashFamily.MD5_CRYPT;
        }
        if (id.startsWith("sha256crypt")) {
            return LegacyHashFamily.SHA256_CRYPT;
        }
        if (id.startsWith("sha512crypt")) {
            return LegacyHashFamily.SHA512_CRYPT;
        }
        if (id.startsWith("argon2")) {
            return LegacyHashFamily.ARGON2;
        }
        if (id.startsWith("django")) {
            return LegacyHashFamily.DJANGO_PBKDF2;
        }
        if (id.startsWith("ldap")) {
            return LegacyHashFamily.LDAP;
        }
        return LegacyHashFamily.BARE_DIGEST;
    }

    @Override
    public String toString() {
        return id;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
