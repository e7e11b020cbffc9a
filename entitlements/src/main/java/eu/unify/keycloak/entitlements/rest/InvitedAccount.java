package eu.unify.keycloak.entitlements.rest;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

import eu.unify.keycloak.entitlements.model.Invitation;
import eu.unify.keycloak.entitlements.model.Refusal;

/**
 * Creates an invited account through the realm's user profile, as Keycloak's own admin API does (context
 * {@code USER_API}): the realm's validators for username, email and names apply, whatever the realm has configured.
 * A value they refuse is a 400 naming the field, with Keycloak's reason in English; nothing is created then.
 */
final class InvitedAccount {

    /** The order in which refusals are reported: the address first, then the names. */
    private static final List<String> FIELD_ORDER = List.of(UserModel.EMAIL, UserModel.USERNAME, UserModel.FIRST_NAME,
            UserModel.LAST_NAME);

    private InvitedAccount() {
    }

    static UserModel create(KeycloakSession session, RealmModel realm, Invitation invitation) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(UserModel.USERNAME, invitation.email());
        attributes.put(UserModel.EMAIL, invitation.email());
        if (invitation.firstName() != null) {
            attributes.put(UserModel.FIRST_NAME, invitation.firstName());
        }
        if (invitation.lastName() != null) {
            attributes.put(UserModel.LAST_NAME, invitation.lastName());
        }
        UserProfile profile = session.getProvider(UserProfileProvider.class).create(UserProfileContext.USER_API,
                attributes);
        try {
            // Validates everything first; creates the user only when nothing is refused.
            return profile.create();
        } catch (ValidationException refused) {
            throw refusal(session, realm, refused);
        }
    }

    private static Refusal refusal(KeycloakSession session, RealmModel realm, ValidationException refused) {
        ValidationException.Error first = refused.getErrors().stream()
                .min(Comparator.comparingInt(error -> rank(error.getAttribute())))
                .orElseThrow(() -> refused);
        // The username is the email address: a refusal of either is about the address the admin typed.
        boolean address = UserModel.EMAIL.equals(first.getAttribute()) || UserModel.USERNAME.equals(first.getAttribute());
        String field = address ? UserModel.EMAIL : first.getAttribute();
        Properties messages = englishMessages(session, realm);
        String reason = first.getFormattedMessage((key, parameters) -> format(messages, key, parameters));
        return Refusal.invalid(address ? "invalid-email" : "invalid-field",
                "'" + field + "' is not accepted by the realm's user profile: " + reason);
    }

    private static int rank(String attribute) {
        int index = FIELD_ORDER.indexOf(attribute);
        return index < 0 ? FIELD_ORDER.size() : index;
    }

    private static Properties englishMessages(KeycloakSession session, RealmModel realm) {
        try {
            return session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, Locale.ENGLISH);
        } catch (IOException | RuntimeException e) {
            return new Properties();
        }
    }

    /** Keycloak's text for the message key (the key itself when there is none, e.g. a realm's own wording). */
    private static String format(Properties messages, String key, Object[] parameters) {
        String pattern = messages.getProperty(key, key);
        try {
            return new MessageFormat(pattern, Locale.ENGLISH).format(parameters);
        } catch (IllegalArgumentException notAPattern) {
            return pattern;
        }
    }
}
