package eu.unify.keycloak.legacy.hash;

import java.util.Objects;

/**
 * How to read a bare digest, which carries no marker of its own: the legacy store's settings, overridden per row by
 * a {@code hash_algorithm} hint. Immutable.
 *
 * @param algorithm    digest algorithm; default {@link DigestAlgorithm#SHA_256}
 * @param saltPosition where the salt column's value was joined to the password; used only when the row has a salt;
 *                     default {@link SaltPosition#AFTER_PASSWORD}
 * @param encoding     how the digest was written; default {@link DigestEncoding#HEX}
 */
public record BareDigestSettings(DigestAlgorithm algorithm, SaltPosition saltPosition, DigestEncoding encoding) {

    /** SHA-256, salt after the password, hex. */
    public static final BareDigestSettings DEFAULTS =
            new BareDigestSettings(DigestAlgorithm.SHA_256, SaltPosition.AFTER_PASSWORD, DigestEncoding.HEX);

    /** A {@code null} component takes its default, so settings read from an empty console field are still usable. */
    public BareDigestSettings {
        algorithm = Objects.requireNonNullElse(algorithm, DigestAlgorithm.SHA_256);
        saltPosition = Objects.requireNonNullElse(saltPosition, SaltPosition.AFTER_PASSWORD);
        encoding = Objects.requireNonNullElse(encoding, DigestEncoding.HEX);
    }

    /**
     * Settings from their names as an admin typed or picked them (see {@link DigestAlgorithm#fromName},
     * {@link SaltPosition#fromName}, {@link DigestEncoding#fromName}); a blank or unknown name takes the default.
     */
    public static BareDigestSettings fromNames(String algorithm, String saltPosition, String encoding) {
        return new BareDigestSettings(
                DigestAlgorithm.fromName(algorithm).orElse(null),
                SaltPosition.fromName(saltPosition).orElse(null),
                DigestEncoding.fromName(encoding).orElse(null));
    }

    public BareDigestSettings withAlgorithm(DigestAlgorithm value) {
        return new BareDigestSettings(value, saltPosition, encoding);
    }

    public BareDigestSettings withSaltPosition(SaltPosition value) {
        return new BareDigestSettings(algorithm, value, encoding);
    }

    public BareDigestSettings withEncoding(DigestEncoding value) {
        return new BareDigestSettings(algorithm, saltPosition, value);
    }
}
