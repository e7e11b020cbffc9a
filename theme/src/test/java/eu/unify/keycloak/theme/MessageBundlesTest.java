package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import eu.unify.keycloak.common.theme.ThemeResourceFiles.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message bundle of the module, wherever it is (theme/NAME/TYPE/messages or
 * theme-resources/messages), must exist in English, Finnish, German and Slovenian with the same
 * keys, no empty text, and be clean UTF-8 that Keycloak's MessageFormat renders as meant.
 */
class MessageBundlesTest {

    /** Text that is UTF-8 read as ISO-8859-1 or windows-1252 once too often ("Ã¤" for "ä", "Å¡" for "š"). */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "[\\u00C2-\\u00F4][\\u0080-\\u00BF]|Ã|Â|â€|\\uFFFD|[\\u0080-\\u009F]");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u[0-9a-fA-F]{4}");

    /** Directories holding a messages_en.properties, relative to src/main/resources. */
    static Stream<String> bundleDirectories() {
        Path sources = ThemeFiles.sources();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> directories = files
                    .filter(file -> file.getFileName().toString().equals("messages_en.properties"))
                    .map(Path::getParent)
                    .filter(directory -> directory.getFileName().toString().equals("messages"))
                    .map(directory -> sources.relativize(directory).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
            return directories.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void discoversTheLoginAndEmailBundles() {
        assertThat(bundleDirectories())
                .as("message bundles found under %s", ThemeFiles.sources())
                .contains("theme/unify/login/messages", "theme/unify/email/messages");
    }

    @Test
    void everyMessagesFileBelongsToACompleteSet() {
        Path sources = ThemeFiles.sources();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> strays = files
                    .filter(file -> file.getFileName().toString().matches("messages_.*\\.properties"))
                    .filter(file -> !Files.exists(file.resolveSibling("messages_en.properties"))
                            || !ThemeFiles.LOCALES.contains(localeOf(file)))
                    .map(file -> sources.relativize(file).toString())
                    .collect(Collectors.toList());
            assertThat(strays)
                    .as("messages files without an English reference beside them, or in a language the themes do not offer")
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleDirectories")
    void translationsHaveExactlyTheEnglishKeys(String directory) {
        Bundle english = load(directory, "en");
        List<String> problems = new ArrayList<>();
        for (String locale : ThemeFiles.TRANSLATIONS) {
            Path file = ThemeFiles.sources().resolve(directory).resolve("messages_" + locale + ".properties");
            if (!Files.exists(file)) {
                problems.add(file + " is missing");
                continue;
            }
            Bundle translation = ThemeFiles.loadBundle(file);
            Set<String> missing = new LinkedHashSet<>(english.keys());
            missing.removeAll(translation.keys());
            Set<String> extra = new LinkedHashSet<>(translation.keys());
            extra.removeAll(english.keys());
            if (!missing.isEmpty()) {
                problems.add("messages_" + locale + " lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add("messages_" + locale + " has keys that messages_en does not: " + extra);
            }
        }
        assertThat(problems).as("key sets of %s", directory).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleDirectories")
    void filesAreCleanUtf8(String directory) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String locale : ThemeFiles.LOCALES) {
            Path file = ThemeFiles.sources().resolve(directory).resolve("messages_" + locale + ".properties");
            if (!Files.exists(file)) {
                continue; // reported by translationsHaveExactlyTheEnglishKeys
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = ThemeFiles.decodeUtf8(bytes, file.getFileName().toString());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (text.startsWith("\uFEFF")) {
                problems.add(file.getFileName() + " starts with a byte order mark");
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher mojibake = MOJIBAKE.matcher(lines[i]);
                if (mojibake.find()) {
                    problems.add(file.getFileName() + ":" + (i + 1) + " looks double-encoded (\""
                            + mojibake.group() + "\"): " + lines[i].trim());
                }
                if (UNICODE_ESCAPE.matcher(lines[i]).find()) {
                    problems.add(file.getFileName() + ":" + (i + 1)
                            + " uses a \\uXXXX escape; write the character itself, the file is UTF-8: " + lines[i].trim());
                }
            }
        }
        assertThat(problems).as("encoding of %s", directory).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleDirectories")
    void messagesAreUsableTexts(String directory) {
        Bundle english = load(directory, "en");
        List<String> problems = new ArrayList<>();
        for (String locale : ThemeFiles.LOCALES) {
            Path file = ThemeFiles.sources().resolve(directory).resolve("messages_" + locale + ".properties");
            if (!Files.exists(file)) {
                continue;
            }
            Bundle bundle = ThemeFiles.loadBundle(file);
            String name = file.getFileName().toString();
            if (!bundle.duplicateKeys.isEmpty()) {
                problems.add(name + " defines these keys more than once: " + bundle.duplicateKeys);
            }
            for (Map.Entry<String, String> entry : bundle.entries.entrySet()) {
                String key = entry.getKey();
                String value = entry.getValue();
                if (value.trim().isEmpty()) {
                    problems.add(name + ": " + key + " is empty");
                    continue;
                }
                // Keycloak formats every message with MessageFormat: a single apostrophe starts a
                // quoted section and silently swallows the text (and arguments) after it.
                if (value.replace("''", "").contains("'")) {
                    problems.add(name + ": " + key + " has a single apostrophe; write '' for one: " + value);
                }
                try {
                    new MessageFormat(value, Locale.forLanguageTag(locale));
                } catch (IllegalArgumentException e) {
                    problems.add(name + ": " + key + " is not a valid MessageFormat pattern (" + e.getMessage() + ")");
                }
                String reference = english.get(key);
                if (reference != null && !locale.equals("en")) {
                    if (!ThemeFiles.arguments(value).equals(ThemeFiles.arguments(reference))) {
                        problems.add(name + ": " + key + " uses arguments " + ThemeFiles.arguments(value)
                                + " but the English text uses " + ThemeFiles.arguments(reference));
                    }
                    if (!ThemeFiles.tags(value).equals(ThemeFiles.tags(reference))) {
                        problems.add(name + ": " + key + " has HTML tags " + ThemeFiles.tags(value)
                                + " but the English text has " + ThemeFiles.tags(reference));
                    }
                }
            }
        }
        assertThat(problems).as("messages of %s", directory).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundleDirectories")
    void translationsAreNotLeftInEnglish(String directory) {
        Bundle english = load(directory, "en");
        List<String> problems = new ArrayList<>();
        for (String locale : ThemeFiles.TRANSLATIONS) {
            Path file = ThemeFiles.sources().resolve(directory).resolve("messages_" + locale + ".properties");
            if (!Files.exists(file)) {
                continue;
            }
            Bundle translation = ThemeFiles.loadBundle(file);
            for (Map.Entry<String, String> entry : translation.entries.entrySet()) {
                String reference = english.get(entry.getKey());
                // Product names (FreeOTP, Bluetooth, Unify...) are the same in every language; a
                // sentence copied from English is a translation that was forgotten.
                if (reference != null && reference.equals(entry.getValue()) && reference.trim().split("\\s+").length > 3) {
                    problems.add("messages_" + locale + ": " + entry.getKey() + " is still English: " + reference);
                }
            }
        }
        assertThat(problems).as("untranslated texts in %s", directory).isEmpty();
    }

    private static Bundle load(String directory, String locale) {
        Path file = ThemeFiles.sources().resolve(directory).resolve("messages_" + locale + ".properties");
        if (!Files.exists(file)) {
            fail(file + " is missing");
        }
        return ThemeFiles.loadBundle(file);
    }

    private static String localeOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring("messages_".length(), name.length() - ".properties".length());
    }
}
