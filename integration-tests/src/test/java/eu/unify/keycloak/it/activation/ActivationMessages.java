package eu.unify.keycloak.it.activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The activation-code module's messages as shipped in the bundle ({@code theme-resources/messages}). */
final class ActivationMessages {

    private ActivationMessages() {
    }

    static Properties english() {
        return load("en");
    }

    static Properties load(String language) {
        String resource = "theme-resources/messages/messages_" + language + ".properties";
        try (InputStream in = ActivationMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Not on the test classpath (is the bundle built?): " + resource);
            }
            Properties messages = new Properties();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
