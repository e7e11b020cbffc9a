package eu.unify.keycloak.entitlements.theme;

import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unify-service-access-* messages: the same keys in all four languages, valid UTF-8 and MessageFormat with
 * the English arguments, every key the template uses, and real translations.
 */
class MessageBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("(?<!=)\"(unify-service-access-[a-z0-9-]*[a-z0-9])\"");

    private static ThemeResourceFiles.Bundle bundle(String locale) {
        return ThemeResourceFiles.bundle(ThemeResourceFiles.messagesFile(locale));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void bundleIsStrictUtf8WithPrefixedNonEmptyKeys(String locale) throws Exception {
        byte[] bytes = Files.readAllBytes(ThemeResourceFiles.messagesFile(locale));
        ThemeResourceFiles.decodeUtf8(bytes, "messages_" + locale);
        ThemeResourceFiles.Bundle bundle = bundle(locale);
        assertThat(bundle.duplicateKeys).isEmpty();
        assertThat(bundle.entries).allSatisfy((key, value) -> {
            assertThat(key).startsWith("unify-service-access-");
            assertThat(value).isNotBlank();
            assertThat(value.replace("''", "")).as("single apostrophe in %s", key).doesNotContain("'");
        });
        // Bundles are appended into one file in the bundle jar: the last line must end.
        assertThat(bytes[bytes.length - 1]).as("messages_%s ends with a newline", locale).isEqualTo((byte) '\n');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "de", "sl"})
    void translationsHaveExactlyTheEnglishKeysTheirArgumentsAndOwnWords(String locale) {
        ThemeResourceFiles.Bundle english = bundle("en");
        ThemeResourceFiles.Bundle translated = bundle(locale);
        assertThat(new TreeSet<>(translated.keys())).isEqualTo(new TreeSet<>(english.keys()));
        List<String> failures = new ArrayList<>();
        translated.entries.forEach((key, value) -> {
            if (!ThemeResourceFiles.arguments(value).equals(ThemeResourceFiles.arguments(english.get(key)))) {
                failures.add(key + " arguments differ from English");
            }
            if (value.equals(english.get(key))) {
                failures.add(key + " is not translated");
            }
            new MessageFormat(value, Locale.forLanguageTag(locale)).format(new Object[] {"Verkkokauppa"});
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void everyKeyTheTemplateUsesExists() {
        Set<String> used = new TreeSet<>();
        Matcher matcher = LITERAL_KEY.matcher(ThemeResourceFiles.read(
                ThemeResourceFiles.templates().resolve("unify-service-access.ftl")));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).isNotEmpty();
        assertThat(bundle("en").keys()).containsAll(used);
    }
}
