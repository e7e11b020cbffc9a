package eu.unify.keycloak.legacy.hash;

/**
 * One legacy format's parser and check, built on a library Keycloak ships. Implementations are stateless; they may
 * throw on input their library rejects, which {@link LegacyPasswordVerifier} turns into
 * {@link VerifyResult#UNSUPPORTED_FORMAT} without passing the message (which may quote the hash) on.
 */
interface HashScheme {

    /** Whether the hash is well-formed for this format and its parameters are within the supported limits. */
    boolean isWellFormed(LegacyHash hash);

    /**
     * Checks a password, given as its UTF-8 bytes, in constant time with respect to the stored hash.
     *
     * @return {@link VerifyResult#MATCH}, {@link VerifyResult#MISMATCH}, or {@link VerifyResult#UNSUPPORTED_FORMAT}
     * if the hash is not {@linkplain #isWellFormed well-formed}
     */
    VerifyResult verify(byte[] password, LegacyHash hash);

    static VerifyResult of(boolean matches) {
        return matches ? VerifyResult.MATCH : VerifyResult.MISMATCH;
    }
}
