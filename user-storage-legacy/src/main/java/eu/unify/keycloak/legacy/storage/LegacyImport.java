package eu.unify.keycloak.legacy.storage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.Validator;
import org.keycloak.validate.ValidatorConfig;
import org.keycloak.validate.Validators;

import eu.unify.keycloak.legacy.LegacyAttributes;
import eu.unify.keycloak.legacy.rights.LegacyRights;

/** What an imported legacy account looks like in Keycloak: username, email, names and the legacy attributes. */
final class LegacyImport {

    private static final Logger LOG = Logger.getLogger(LegacyImport.class);

    static final String ATTR_USERNAME = LegacyAttributes.USERNAME;
    static final String ATTR_MAIN_ACCOUNT = LegacyAttributes.MAIN_ACCOUNT;
    static final String ATTR_WAVE = LegacyAttributes.WAVE;
    static final String ATTR_RIGHTS = LegacyAttributes.RIGHTS;

    private LegacyImport() {
    }

    /** Keycloak keeps usernames in lower case; the original spelling stays in {@code legacy_username}. */
    static String localUsername(LegacyAccount account) {
        return account.username().toLowerCase(Locale.ROOT);
    }

    /**
     * Why the realm's rules for usernames (the validators its user profile configures for {@code username}: by
     * default 3 to 255 characters, no {@code < > & "} and the like) refuse the account's Keycloak username, or
     * empty. Such an account is not imported: Keycloak itself would refuse the name from an admin, and pages and
     * emails would show it. The configured validators run on their own, not a whole user profile: the profile's
     * built-in checks look the username up among the realm's users, which would ask this store again.
     */
    static Optional<String> usernameRefusal(KeycloakSession session, LegacyAccount account) {
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPAttribute username = profiles == null ? null : profiles.getConfiguration().getAttribute(UserModel.USERNAME);
        if (username == null || username.getValidations() == null) {
            return Optional.empty();
        }
        List<String> value = List.of(localUsername(account));
        for (Map.Entry<String, Map<String, Object>> rule : username.getValidations().entrySet()) {
            Validator validator = Validators.validator(session, rule.getKey());
            if (validator == null) {
                continue;
            }
            ValidationContext result;
            try {
                result = validator.validate(value, UserModel.USERNAME, new ValidationContext(session),
                        new ValidatorConfig(rule.getValue() == null ? Map.of() : rule.getValue()));
            } catch (RuntimeException needsAProfile) {
                // A validator that works only inside a whole user profile: Keycloak applies it when the user is saved.
                LOG.debugf("username validator %s skipped for legacy accounts (%s)", rule.getKey(),
                        needsAProfile.getClass().getSimpleName());
                continue;
            }
            if (!result.isValid()) {
                return Optional.of(result.getErrors().iterator().next().getMessage());
            }
        }
        return Optional.empty();
    }

    /** The warning for an account {@link #usernameRefusal refused}: by reference, never by name. */
    static void logRefused(ComponentModel store, LegacyAccount account, String reason) {
        LOG.warnf("%s of legacy store '%s' not imported: its username does not meet the realm's username rules (%s). "
                + "Correct it in the legacy data or relax the rules in the realm's user profile.", account.reference(),
                store.getName(), reason);
    }

    /** Rights are one column; a list separated by commas, semicolons or spaces becomes one value per right. */
    static List<String> rights(String rights) {
        if (rights == null) {
            return List.of();
        }
        return Arrays.stream(rights.split("[,;\\s]+")).filter(r -> !r.isBlank()).distinct().toList();
    }

    static Map<String, List<String>> attributes(LegacyAccount account) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_USERNAME, List.of(account.username()));
        attributes.put(ATTR_MAIN_ACCOUNT, account.mainAccount() == null ? List.of() : List.of(account.mainAccount()));
        attributes.put(ATTR_WAVE, account.wave() == null ? List.of() : List.of(account.wave()));
        attributes.put(ATTR_RIGHTS, rights(account.rights()));
        return attributes;
    }

    /**
     * Creates the linked local user in the given (local) user storage. The email is left out when another user of
     * the realm already has it and the realm does not allow duplicates, so one clash does not block the account.
     * The legacy rights are granted as the store's rights mapping says.
     */
    static UserModel create(KeycloakSession session, UserProvider local, RealmModel realm, ComponentModel model,
                            LegacyAccount account) {
        UserModel user = local.addUser(realm, localUsername(account));
        user.setFederationLink(model.getId());
        user.setEnabled(account.enabled());
        if (account.email() != null && (realm.isDuplicateEmailsAllowed()
                || local.getUserByEmail(realm, account.email()) == null)) {
            user.setEmail(account.email());
        }
        user.setEmailVerified(false);
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        attributes(account).forEach((name, values) -> {
            if (!values.isEmpty()) {
                user.setAttribute(name, values);
            }
        });
        LegacyRights.grant(session, realm, model, user);
        return user;
    }
}
