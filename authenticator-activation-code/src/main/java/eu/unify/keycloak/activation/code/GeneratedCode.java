package eu.unify.keycloak.activation.code;

import java.util.Objects;

/**
 * A freshly generated code in plaintext: {@code display} goes into the message, {@code normalized} goes into the
 * {@link CodeHasher}. Neither is ever stored; {@link #toString()} hides both so a stray log line cannot leak a code.
 *
 * @param kind       the kind it was generated for
 * @param normalized canonical form, as the {@link CodeNormalizer} would produce from the display form
 * @param display    the form shown to the user (grouped for account codes)
 */
public record GeneratedCode(CodeKind kind, String normalized, String display) {

    public GeneratedCode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(display, "display");
    }

    @Override
    public String toString() {
        return "GeneratedCode[kind=" + kind + ", length=" + normalized.length() + ", code=<redacted>]";
    }
}
