package eu.unify.keycloak.legacy.hash;

import java.util.Optional;

/** How a bare digest's bytes were written into the legacy column. */
public enum DigestEncoding {

    /** Hexadecimal, either case ({@code md5sum}, PHP {@code md5()}, MySQL {@code SHA2()}). */
    HEX,

    /** Standard base64, padding optional. */
    BASE64;

    /** Ignores case and separators; also accepts {@code b64}. */
    public static Optional<DigestEncoding> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (DigestAlgorithm.compact(name)) {
            case "hex" -> Optional.of(HEX);
            case "base64", "b64" -> Optional.of(BASE64);
            default -> Optional.empty();
        };
    }
}
