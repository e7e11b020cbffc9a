package eu.unify.keycloak.it.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The legacy module's own messages, read from the packaged bundle on the test class path. */
final class LegacyMessages {

    private LegacyMessages() {
    }

    static String get(String language, String key) {
        String path = "theme-resources/messages/messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = LegacyMessages.class.getClassLoader().getResources(path).asIterator().next().openStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }
}
