package eu.unify.keycloak.legacy.hash;

import java.util.Objects;

/**
 * A legacy hash whose format is known: what {@link LegacyPasswordVerifier#resolve} makes of a legacy row. Its
 * {@code toString()} names the family only, so it can't leak the hash or salt into a log.
 *
 * @param family         the format
 * @param hash           the hash as stored, trimmed
 * @param salt           the separate salt column's value, or {@code null}; used by {@link LegacyHashFamily#BARE_DIGEST}
 *                       only (every other format carries its salt inside the hash)
 * @param digestSettings how to read a bare digest; {@code null} for every other family
 */
public record LegacyHash(LegacyHashFamily family, String hash, String salt, BareDigestSettings digestSettings) {

    public LegacyHash {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(hash, "hash");
        if (family == LegacyHashFamily.BARE_DIGEST) {
            Objects.requireNonNull(digestSettings, "digestSettings");
        } else {
            digestSettings = null;
            salt = null;
        }
        if (salt != null && salt.isEmpty()) {
            salt = null;
        }
    }

    @Override
    public String toString() {
        return "LegacyHash[" + family + (digestSettings == null ? "" : ", " + digestSettings) + "]";
    }
}
