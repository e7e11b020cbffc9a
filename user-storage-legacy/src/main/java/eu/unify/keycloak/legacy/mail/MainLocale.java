package eu.unify.keycloak.legacy.mail;

import java.util.Collection;
import java.util.Locale;

/**
 * The language of the main account, for the words a forwarded mail adds. Taken from the main account's own
 * {@code locale}, not from the request: the person who caused the mail (the sub-account in its browser, or an
 * admin) may use another language than the reader of the mailbox.
 */
final class MainLocale {

    private MainLocale() {
    }

    static Locale pick(String userLocale, boolean internationalization, Collection<String> supported,
                       String realmDefault) {
        if (internationalization && userLocale != null && !userLocale.isBlank() && supported.contains(userLocale)) {
            return Locale.forLanguageTag(userLocale);
        }
        if (realmDefault != null && !realmDefault.isBlank()) {
            return Locale.forLanguageTag(realmDefault);
        }
        return Locale.ENGLISH;
    }
}
