package eu.unify.keycloak.common.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the usernames (after the move, email addresses) out of the log that Keycloak writes for Unify's multi-valued
 * user attributes ({@code legacy_rights}, {@code unify.customerNumbers}).
 *
 * <p>Keycloak's two {@code ProfileBean}s, one behind every email and one behind the login pages that render the
 * profile (update profile, verify profile, update email, review of a brokered profile), warn for each multi-valued
 * attribute: "There are more values for attribute 'x' of user 'y'. Will display just first value". The email bean
 * stays quiet for attributes the user profile declares multi-valued; the login-page bean has no such switch, it warns
 * for every multi-valued attribute, declared or not. This warning is the only message of both categories, so,
 * unless ops set a level for them, their level is raised to ERROR at start-up. An explicit level (for example
 * {@code --log-level=org.keycloak.forms.login.freemarker.model.ProfileBean:warn}) is left as ops set it.
 */
public final class ProfileBeanWarnings {

    /** The categories: the login pages' bean, the emails' bean. */
    public static final List<String> CATEGORIES = List.of(
            "org.keycloak.forms.login.freemarker.model.ProfileBean",
            "org.keycloak.email.freemarker.beans.ProfileBean");

    private ProfileBeanWarnings() {
    }

    /**
     * Raises the level of each category that has none of its own to ERROR ({@link Level#SEVERE}). Returns the
     * loggers, for the caller to keep: a logger nobody references may be collected with its level.
     */
    public static List<Logger> quieten() {
        List<Logger> loggers = new ArrayList<>();
        for (String category : CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.SEVERE);
            }
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }
}
