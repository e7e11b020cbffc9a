package eu.unify.keycloak.legacy.storage;

/** The legacy database could not answer in time: down, unreachable, too slow, or no free connection. */
public final class LegacyStoreUnavailableException extends RuntimeException {

    LegacyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
