package eu.unify.keycloak.entitlements.model;

/**
 * A request the API turns down before changing anything: HTTP status, a stable code for programs and a sentence
 * for people. Codes are part of the API contract (see openapi/unify-entitlements.yaml).
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    private Refusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** 400: the request itself is wrong. */
    public static Refusal invalid(String code, String message) {
        return new Refusal(400, code, message);
    }

    /** 403: the request is well-formed but beyond the caller's company or powers. */
    public static Refusal forbidden(String code, String message) {
        return new Refusal(403, code, message);
    }

    /** 409: well-formed and within the caller's powers, but it would take away what another company gave too. */
    public static Refusal conflict(String code, String message) {
        return new Refusal(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
