package eu.unify.keycloak.legacy.hash;

import java.util.Optional;

/**
 * A row's {@code hash_algorithm} value: a family name, and for bare digests optional {@code :}-separated overrides of
 * the store's settings, e.g. {@code sha256}, {@code md5:salt-before}, {@code sha1:salt-after:base64}.
 *
 * @param family   the family the row says its hash is in
 * @param settings for {@link LegacyHashFamily#BARE_DIGEST}: the store's settings with the hint's overrides applied;
 *                 {@code null} otherwise
 */
record AlgorithmHint(LegacyHashFamily family, BareDigestSettings settings) {

    /** Empty if the hint names no family or has an override that doesn't apply; blank hints are the caller's case. */
    static Optional<AlgorithmHint> parse(String hint, BareDigestSettings defaults) {
        String[] tokens = hint.strip().split("\\s*:\\s*", -1);
        Optional<LegacyHashFamily> family = LegacyHashFamily.fromHintName(tokens[0]);
        if (family.isEmpty()) {
            return Optional.empty();
        }
        if (family.get() != LegacyHashFamily.BARE_DIGEST) {
            return tokens.length == 1 ? Optional.of(new AlgorithmHint(family.get(), null)) : Optional.empty();
        }
        BareDigestSettings settings = DigestAlgorithm.fromName(tokens[0]).map(defaults::withAlgorithm).orElse(defaults);
        for (int i = 1; i < tokens.length; i++) {
            Optional<SaltPosition> position = SaltPosition.fromName(tokens[i]);
            Optional<DigestEncoding> encoding = DigestEncoding.fromName(tokens[i]);
            if (position.isPresent()) {
                settings = settings.withSaltPosition(position.get());
            } else if (encoding.isPresent()) {
                settings = settings.withEncoding(encoding.get());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new AlgorithmHint(LegacyHashFamily.BARE_DIGEST, settings));
    }
}
