package eu.unify.keycloak.common.access;

import java.util.Locale;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Tells what a user may use (SPI {@code unify-user-access}). The entitlements module implements it; the activation
 * codes module asks it through {@link UserAccess#of} for the welcome message, so neither depends on the other.
 * Implementations read the server's own (cached) models only, never over the network: they run while a mail or a
 * page is built.
 */
public interface UserAccessProvider extends Provider {

    /** The user's services named in {@code locale}, and their customer numbers; {@link UserAccess#NONE} if none. */
    UserAccess accessOf(RealmModel realm, UserModel user, Locale locale);

    @Override
    default void close() {
    }
}
