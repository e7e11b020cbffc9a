package eu.unify.keycloak.it.entitlements;

import java.util.Properties;

import eu.unify.keycloak.it.Languages;

/** The theme-resources messages as shipped in the bundle, where the entitlements keys join the other modules'. */
final class EntitlementsMessages {

    private EntitlementsMessages() {
    }

    static Properties load(String language) {
        Properties messages = Languages.bundle("theme-resources/messages/messages_" + language + ".properties");
        if (!messages.containsKey("unify-service-access-denied")) {
            throw new IllegalStateException("the bundle's messages_" + language + " lack the entitlements messages");
        }
        return messages;
    }
}
