package eu.unify.keycloak.legacy.hash;

/** Outcome of checking a password against a legacy hash. */
public enum VerifyResult {

    /** The password is the one the hash was made from. */
    MATCH,

    /** The hash is well-formed and supported, and the password is not the one it was made from. */
    MISMATCH,

    /**
     * The hash (or the row's algorithm hint) is empty, malformed, of an unknown format, or outside the supported
     * parameters. No password can match it; callers should report a data problem rather than a wrong password.
     */
    UNSUPPORTED_FORMAT
}
