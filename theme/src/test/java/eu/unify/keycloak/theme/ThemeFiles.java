package eu.unify.keycloak.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
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

/**
 * Reads the theme's sources (src/main/resources) and Keycloak's stock themes (the keycloak-themes
 * jar on the test class path) the way Keycloak does: properties files as UTF-8.
 */
final class ThemeFiles {

    /** The languages of the Unify themes; English is the reference. */
    static final List<String> LOCALES = List.of("en", "fi", "de", "sl");
    static final List<String> TRANSLATIONS = List.of("fi", "de", "sl");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\s*[,}]");
    private static final Pattern TAG = Pattern.compile("</?([a-zA-Z][a-zA-Z0-9]*)(?=[\\s/>])");

    private ThemeFiles() {
    }

    /** src/main/resources of this module (Surefire passes it; a run from the module directory works too). */
    static Path sources() {
        Path path = Paths.get(System.getProperty("unify.theme.sources", "src/main/resources"));
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("Theme sources not found at " + path.toAbsolutePath());
        }
        return path;
    }

    static Path unifyTheme(String type) {
        return sources().resolve("theme/unify/" + type);
    }

    static String read(Path file) {
        try {
            return decodeUtf8(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes strictly: malformed UTF-8 is an error naming the file and byte offset, never a replacement character. */
    static String decodeUtf8(byte[] bytes, String name) {
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

    /** A properties file's entries in file order, remembering keys that occur more than once. */
    static Bundle loadBundle(Path file) {
        return Bundle.parse(read(file), file.toString());
    }

    /** A properties file from the test class path (Keycloak's stock themes), or null if there is none. */
    static Bundle stockBundle(String resource) {
        try (InputStream in = ThemeFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return Bundle.parse(decodeUtf8(in.readAllBytes(), resource), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stockText(String resource) {
        try (InputStream in = ThemeFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (org.keycloak:keycloak-themes)");
            }
            return decodeUtf8(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MessageFormat argument indices used by a message: "{0} of {2,choice,...}" gives [0, 2]. */
    static Set<Integer> arguments(String message) {
        Set<Integer> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            arguments.add(Integer.parseInt(matcher.group(1)));
        }
        return arguments;
    }

    /** HTML tag names of a message, in order: "<p><a href=..>x</a></p>" gives [p, a, /a, /p]. */
    static List<String> tags(String message) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(message);
        while (matcher.find()) {
            tags.add((matcher.group().startsWith("</") ? "/" : "") + matcher.group(1).toLowerCase());
        }
        return tags;
    }

    /** A message bundle: the entries as Keycloak reads them, plus the keys defined more than once. */
    static final class Bundle {
        final String name;
        final Map<String, String> entries;
        final Set<String> duplicateKeys;

        private Bundle(String name, Map<String, String> entries, Set<String> duplicateKeys) {
            this.name = name;
            this.entries = entries;
            this.duplicateKeys = duplicateKeys;
        }

        static Bundle parse(String text, String name) {
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

        Set<String> keys() {
            return entries.keySet();
        }

        String get(String key) {
            return entries.get(key);
        }
    }
}
