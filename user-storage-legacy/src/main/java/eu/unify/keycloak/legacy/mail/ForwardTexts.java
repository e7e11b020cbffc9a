package eu.unify.keycloak.legacy.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words a forwarded mail adds, in the main account's language, from the email theme's messages (keys
 * {@code unify-mail-forward-*}, which a realm may override). English built-ins stand in if a theme lacks them.
 */
final class ForwardTexts {

    static final String SUBJECT = "unify-mail-forward-subject";
    static final String NOTE = "unify-mail-forward-note";
    static final String NOTE_WITHOUT_OLD_USERNAME = "unify-mail-forward-note-plain";

    private static final Map<String, String> FALLBACK = Map.of(
            SUBJECT, "[For {0}] {1}",
            NOTE, "This message is for the account {0} (old username: {1}). You receive it because mail for that "
                    + "account is forwarded to its main account.",
            NOTE_WITHOUT_OLD_USERNAME, "This message is for the account {0}. You receive it because mail for that "
                    + "account is forwarded to its main account.");

    private final Properties messages;
    private final Locale locale;

    ForwardTexts(Properties messages, Locale locale) {
        this.messages = messages == null ? new Properties() : messages;
        this.locale = locale;
    }

    /** The subject: the account, then the original subject. */
    String subject(String account, String original) {
        return format(SUBJECT, account, original == null ? "" : original);
    }

    /** The note; {@code oldUsername} is left out when it is unknown or just the account's name again. */
    String note(String account, String oldUsername) {
        if (oldUsername == null || oldUsername.isBlank() || oldUsername.equalsIgnoreCase(account)) {
            return format(NOTE_WITHOUT_OLD_USERNAME, account);
        }
        return format(NOTE, account, oldUsername);
    }

    private String format(String key, Object... arguments) {
        String pattern = messages.getProperty(key, FALLBACK.get(key));
        try {
            return new MessageFormat(pattern, locale).format(arguments);
        } catch (IllegalArgumentException badOverride) {
            return new MessageFormat(FALLBACK.get(key), locale).format(arguments);
        }
    }
}
