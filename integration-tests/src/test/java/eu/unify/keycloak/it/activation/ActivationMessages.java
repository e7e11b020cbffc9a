package eu.unify.keycloak.it.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;

import java.util.Properties;

import eu.unify.keycloak.it.Languages;

/** The activation-code module's messages as shipped in the bundle ({@code theme-resources/messages}). */
final class ActivationMessages {

    private ActivationMessages() {
    }

    static Properties english() {
        return load("en");
    }

    static Properties load(String language) {
        return Languages.bundle("theme-resources/messages/messages_" + language + ".properties");
    }

    /** The message {@code key} in {@code language}, formatted as the theme formats it. */
    static String format(String language, String key, Object... arguments) {
        String pattern = load(language).getProperty(key);
        assertThat(pattern).as("message %s", key).isNotNull();
        return new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }
}
