package eu.unify.keycloak.common.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The module's theme resources (src/main/resources/theme-resources: the templates and messages Keycloak
 * adds to every theme), and the themes on the test class path: Keycloak's stock themes (keycloak-themes) and the
 * Unify theme (unify-theme, a declared test dependency), read the way Keycloak reads them (properties as UTF-8).
 */
public final class ThemeResourceFiles {

    /** The languages of the messages; English is the reference. */
    public static final List<String> LOCALES = List.of("en", "fi", "de", "sl");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\s*[,}]");

    private ThemeResourceFiles() {
    }

    /** src/main/resources/theme-resources of this module (tests run in the module directory). */
    public static Path themeResources() {
        Path path = themeResourcesIfAny();
        if (path == null) {
            throw new IllegalStateException("theme-resources not found at "
                    + Paths.get(THEME_RESOURCES).toAbsolutePath());
        }
        return path;
    }

    /** The module's theme-resources, or null for a module without (the theme module itself). */
    static Path themeResourcesIfAny() {
        Path path = Paths.get(System.getProperty("unify.theme-resources", THEME_RESOURCES));
        return Files.isDirectory(path) ? path : null;
    }

    private static final String THEME_RESOURCES = "src/main/resources/theme-resources";

    public static Path templates() {
        return themeResources().resolve("templates");
    }

    public static Path messagesFile(String locale) {
        return themeResources().resolve("messages/messages_" + locale + ".properties");
    }

    public static String read(Path file) {
        try {
            return decodeUtf8(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes strictly: malformed UTF-8 is an error naming the file and the byte offset. */
    public static String decodeUtf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException(name + " is not valid UTF-8: invalid byte sequence at offset " + in.position());
        }
        return out.flip().toString();
    }

    /** The module's messages in {@code locale} as Keycloak loads them (UTF-8, strictly). */
    public static Properties messages(String locale) {
        Properties properties = new Properties();
        properties.putAll(bundle(messagesFile(locale)).entries);
        return properties;
    }

    /** Keycloak's login themes a module's pages must work under, and Unify's. */
    public static final List<String> LOGIN_THEMES = List.of("keycloak.v2", "keycloak", "unify");
    /** Keycloak's email theme a module's mails must work under, and Unify's. */
    public static final List<String> EMAIL_THEMES = List.of("base", "unify");

    /** Every (theme, language) pair of {@code themes} and {@link #LOCALES}, as arguments of a parameterized test. */
    public static List<Arguments> inEveryLanguage(List<String> themes) {
        List<Arguments> arguments = new ArrayList<>();
        for (String theme : themes) {
            for (String locale : LOCALES) {
                arguments.add(Arguments.of(theme, locale));
            }
        }
        return arguments;
    }

    public static Bundle bundle(Path file) {
        return Bundle.parse(read(file), file.toString());
    }

    /** A properties file of Keycloak's stock themes (test class path), or null if there is none. */
    public static Bundle stockBundle(String resource) {
        try (InputStream in = ThemeResourceFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return Bundle.parse(decodeUtf8(in.readAllBytes(), resource), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MessageFormat argument indices of a message: "{0} of {2,choice,...}" gives [0, 2]. */
    public static Set<Integer> arguments(String message) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            arguments.add(Integer.parseInt(matcher.group(1)));
        }
        return arguments;
    }

    /** A properties file: its entries in file order, and the keys defined more than once. */
    public static final class Bundle {
        public final String name;
        public final Map<String, String> entries;
        public final Set<String> duplicateKeys;

        private Bundle(String name, Map<String, String> entries, Set<String> duplicateKeys) {
            this.name = name;
            this.entries = entries;
            this.duplicateKeys = duplicateKeys;
        }

        public static Bundle parse(String text, String name) {
            Map<String, String> entries = new LinkedHashMap<>();
            Set<String> duplicates = new LinkedHashSet<>();
            Properties properties = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    if (entries.containsKey(key)) {
                        duplicates.add((String) key);
                    }
                    entries.put((String) key, (String) value);
                    return super.put(key, value);
                }
            };
            try (Reader reader = new StringReader(text)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Bundle(name, entries, duplicates);
        }

        public Set<String> keys() {
            return entries.keySet();
        }

        public String get(String key) {
            return entries.get(key);
        }
    }
}
