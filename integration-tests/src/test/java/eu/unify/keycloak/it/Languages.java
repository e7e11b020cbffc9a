package eu.unify.keycloak.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** The languages Unify speaks, and the theme's own message bundles as shipped in the bundle jar. */
public final class Languages {

    public static final List<String> ALL = List.of("en", "fi", "de", "sl");

    private Languages() {
    }

    /** Messages of the {@code unify} theme of the given type ({@code login}, {@code email}) in one language. */
    public static Properties themeMessages(String themeType, String language) {
        return bundle("theme/unify/" + themeType + "/messages/messages_" + language + ".properties");
    }

    /** A UTF-8 message bundle from the test classpath (the bundle jar is on it). */
    public static Properties bundle(String resource) {
        try (InputStream in = Languages.class.getClassLoader().getResourceAsStream(resource)) {
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
