package eu.unify.keycloak.activation.code;

import java.util.Objects;

/**
 * A code's keyed hash together with the id of the key that made it. Storing the key id beside the hash lets the
 * realm rotate its HMAC key: a stored code is verified with the key it names, not with whatever key is active now.
 *
 * @param keyId id of the HMAC key (in Keycloak: the realm key's kid)
 * @param hash  base64url HMAC-SHA256 output, without padding
 */
public record HashedCode(String keyId, String hash) {

    public HashedCode {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("hash must not be blank");
        }
    }
}
