package eu.unify.keycloak.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.unify.keycloak.common.theme.ThemeResourceFiles;
import eu.unify.keycloak.common.theme.ThemeResourceFiles.Bundle;

/**
 * Reads the theme's sources (src/main/resources) and Keycloak's stock themes (the keycloak-themes
 * jar on the test class path) the way Keycloak does: properties files as UTF-8.
 */
final class ThemeFiles {

    /** The languages of the Unify themes; English is the reference. */
    static final List<String> LOCALES = List.of("en", "fi", "de", "sl");
    static final List<String> TRANSLATIONS = List.of("fi", "de", "sl");

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
        return ThemeResourceFiles.read(file);
    }

    /** Decodes strictly: malformed UTF-8 is an error naming the file and byte offset, never a replacement character. */
    static String decodeUtf8(byte[] bytes, String name) {
        return ThemeResourceFiles.decodeUtf8(bytes, name);
    }

    /** A properties file's entries in file order, remembering keys that occur more than once. */
    static Bundle loadBundle(Path file) {
        return ThemeResourceFiles.bundle(file);
    }

    /** A properties file from the test class path (Keycloak's stock themes), or null if there is none. */
    static Bundle stockBundle(String resource) {
        return ThemeResourceFiles.stockBundle(resource);
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
        return ThemeResourceFiles.arguments(message);
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
}
