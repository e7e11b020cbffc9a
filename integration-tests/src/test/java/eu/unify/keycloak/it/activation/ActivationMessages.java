package eu.unify.keycloak.it.activation;

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
}
