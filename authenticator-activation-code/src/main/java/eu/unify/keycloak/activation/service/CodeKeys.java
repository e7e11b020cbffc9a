package eu.unify.keycloak.activation.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import eu.unify.keycloak.activation.code.CodeHasher;

/**
 * Hashing keys from the realm's own HMAC key (Keycloak's {@code hmac-generated-hs512} provider, present in every
 * realm), so no extra secret has to be configured or stored. The key id is stored beside each hash: after an admin
 * rotates the key, codes issued before stay verifiable while the old key is still listed (passive).
 */
final class CodeKeys {

    private final KeycloakSession session;
    private final RealmModel realm;

    CodeKeys(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The hasher for new codes. */
    CodeHasher active() {
        KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            throw new IllegalStateException("Realm " + realm.getName() + " has no active HS512 key for activation codes");
        }
        return new CodeHasher(key.getKid(), key.getSecretKey().getEncoded());
    }

    /**
     * Hashers for every HS512 key of the realm, active first: a code that names its account on its own is looked up
     * by its hash, and it may have been hashed with a key that has been rotated to passive since.
     */
    List<CodeHasher> all() {
        CodeHasher active = active();
        List<CodeHasher> others = session.keys().getKeysStream(realm, KeyUse.SIG, Algorithm.HS512)
                .filter(key -> key.getSecretKey() != null && !active.keyId().equals(key.getKid()))
                .map(key -> new CodeHasher(key.getKid(), key.getSecretKey().getEncoded()))
                .toList();
        return Stream.concat(Stream.of(active), others.stream()).toList();
    }

    /** The hasher for a stored code, or empty if its key has been removed from the realm. */
    Optional<CodeHasher> byKeyId(String keyId) {
        KeyWrapper key = session.keys().getKey(realm, keyId, KeyUse.SIG, Algorithm.HS512);
        if (key == null || key.getSecretKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new CodeHasher(key.getKid(), key.getSecretKey().getEncoded()));
    }
}
