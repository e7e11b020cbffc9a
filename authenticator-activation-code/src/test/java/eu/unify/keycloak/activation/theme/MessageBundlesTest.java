package eu.unify.keycloak.activation.theme;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
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
 * The unify-code-* messages (theme-resources/messages): the same keys in English, Finnish, German and
 * Slovenian, nothing empty, valid UTF-8, valid MessageFormat with the English arguments, every key the
 * templates and the authenticator use, and real translations.
 */
class MessageBundlesTest {

    /** Keys the authenticator (Java side) and the templates count on. */
    static final List<String> REQUIRED_KEYS = List.of(
            "unify-code-title-reset-credentials", "unify-code-title-activation", "unify-code-title-account-link",
            "unify-code-title-activation-in-message", "unify-code-instruction-activation-in-message",
            "unify-code-instruction-activation-in-message-email",
            "unify-code-instruction-reset-credentials", "unify-code-instruction-reset-credentials-email",
            "unify-code-instruction-activation", "unify-code-instruction-activation-email",
            "unify-code-instruction-account-link", "unify-code-instruction-account-link-email",
            "unify-code-valid-minutes", "unify-code-valid-hours", "unify-code-valid-days",
            "unify-code-label", "unify-code-label-account", "unify-code-hint-session", "unify-code-hint-account",
            "unify-code-submit", "unify-code-resend", "unify-code-resend-in", "unify-code-back-to-login",
            "unify-code-help-title", "unify-code-help-spam", "unify-code-help-latest", "unify-code-help-delay",
            "unify-code-help-paste", "unify-code-help-title-account", "unify-code-help-welcome", "unify-code-help-admin",
            "unify-code-error-format", "unify-code-error-wrong", "unify-code-error-expired", "unify-code-error-exhausted",
            "unify-code-error-used", "unify-code-error-send-failed", "unify-code-error-resend-cooldown",
            "unify-code-error-resend-cap", "unify-code-error-account-code",
            "unify-code-error-account-too-many", "unify-code-error-account-linked",
            "unify-code-info-sent", "unify-code-info-sent-no-email",
            "unify-code-subject-reset-credentials", "unify-code-subject-activation", "unify-code-subject-account-link",
            "unify-code-subject-activation-in-message",
            "unify-code-email-greeting", "unify-code-email-greeting-no-name",
            "unify-code-email-intro-reset-credentials", "unify-code-email-intro-activation",
            "unify-code-email-intro-account-link", "unify-code-email-intro-activation-in-message",
            "unify-code-email-enter-session", "unify-code-email-enter-account",
            "unify-code-email-link-intro", "unify-code-email-link",
            "unify-code-email-services", "unify-code-email-customer-numbers",
            "unify-code-email-intro-activation-link", "unify-code-email-activation-link-code",
            "unify-code-email-link-valid-minutes", "unify-code-email-link-valid-hours", "unify-code-email-link-valid-days",
            "unify-code-email-newest", "unify-code-email-do-not-share",
            "unify-code-email-ignore", "unify-code-email-ignore-welcome");

    /** Messages whose arguments the Java side fills in, with the arguments they take. */
    static final List<Object[]> ARGUMENTS = List.of(
            new Object[] {"unify-code-error-format", Set.of(0)},
            new Object[] {"unify-code-error-wrong", Set.of(0)},
            new Object[] {"unify-code-error-resend-cooldown", Set.of(0)},
            new Object[] {"unify-code-info-sent", Set.of(0)},
            new Object[] {"unify-code-resend-in", Set.of(0)},
            new Object[] {"unify-code-subject-reset-credentials", Set.of(0)},
            new Object[] {"unify-code-subject-activation", Set.of(0)},
            new Object[] {"unify-code-subject-account-link", Set.of(0)},
            new Object[] {"unify-code-subject-activation-in-message", Set.of(0)},
            new Object[] {"unify-code-error-expired", Set.of()},
            new Object[] {"unify-code-error-exhausted", Set.of()},
            new Object[] {"unify-code-error-used", Set.of()},
            new Object[] {"unify-code-error-send-failed", Set.of()},
            new Object[] {"unify-code-error-resend-cap", Set.of()},
            new Object[] {"unify-code-error-account-code", Set.of()},
            new Object[] {"unify-code-error-account-too-many", Set.of()},
            new Object[] {"unify-code-error-account-linked", Set.of()},
            new Object[] {"unify-code-info-sent-no-email", Set.of()},
            new Object[] {"unify-code-email-services", Set.of()},
            new Object[] {"unify-code-email-customer-numbers", Set.of()},
            new Object[] {"unify-code-email-intro-activation-link", Set.of(0)},
            new Object[] {"unify-code-email-link-valid-minutes", Set.of(0)},
            new Object[] {"unify-code-email-link-valid-hours", Set.of(0)},
            new Object[] {"unify-code-email-link-valid-days", Set.of(0)});

    /** A quoted unify-code-* string that is not an attribute value (id="unify-code-help" is an id, not a key). */
    private static final Pattern LITERAL_KEY = Pattern.compile("(?<!=)\"(unify-code-[a-z0-9-]*[a-z0-9])\"");

    private static ThemeResourceFiles.Bundle bundle(String locale) {
        return ThemeResourceFiles.bundle(ThemeResourceFiles.messagesFile(locale));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void bundleIsStrictUtf8WithoutDuplicatesOrEmptyValues(String locale) throws Exception {
        byte[] bytes = Files.readAllBytes(ThemeResourceFiles.messagesFile(locale));
        ThemeResourceFiles.decodeUtf8(bytes, "messages_" + locale); // throws on malformed UTF-8
        assertThat(bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb)
                .as("messages_%s starts with a byte-order mark", locale).isFalse();

        ThemeResourceFiles.Bundle bundle = bundle(locale);
        assertThat(bundle.duplicateKeys).as("keys defined twice in messages_%s", locale).isEmpty();
        List<String> empty = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        bundle.entries.forEach((key, value) -> {
            if (value.isBlank()) {
                empty.add(key);
            }
            // Besides its own keys, the module names its required action where Keycloak lists actions.
            if (!key.startsWith("unify-code-") && !key.equals("requiredAction.unify-account-activation")) {
                foreign.add(key);
            }
        });
        assertThat(empty).as("empty messages in messages_%s", locale).isEmpty();
        assertThat(foreign).as("keys that are not the module's own in messages_%s", locale).isEmpty();
        assertThat(String.join("\n", bundle.entries.values()))
                .as("messages_%s contains a replacement character (text saved in the wrong encoding)", locale)
                .doesNotContain("\uFFFD");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "de", "sl"})
    void translationsHaveExactlyTheEnglishKeys(String locale) {
        Set<String> english = new TreeSet<>(bundle("en").keys());
        Set<String> translated = new TreeSet<>(bundle(locale).keys());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(translated);
        Set<String> extra = new TreeSet<>(translated);
        extra.removeAll(english);
        assertThat(missing).as("keys of messages_en missing from messages_%s", locale).isEmpty();
        assertThat(extra).as("keys of messages_%s that messages_en lacks", locale).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void messagesAreValidMessageFormatWithTheEnglishArguments(String locale) {
        ThemeResourceFiles.Bundle english = bundle("en");
        List<String> failures = new ArrayList<>();
        bundle(locale).entries.forEach((key, value) -> {
            try {
                MessageFormat format = new MessageFormat(value, Locale.forLanguageTag(locale));
                // Every argument is a number or a text; choice arguments need numbers, the rest take either.
                Object[] numbers = {3, 3, 3, 3};
                Object[] ones = {1, 1, 1, 1};
                String formatted = format.format(numbers) + format.format(ones);
                if (formatted.contains("{") || formatted.contains("}")) {
                    failures.add(key + ": braces left after formatting: " + formatted);
                }
            } catch (IllegalArgumentException e) {
                failures.add(key + ": " + e.getMessage());
            }
            if (english.get(key) != null
                    && !ThemeResourceFiles.arguments(value).equals(ThemeResourceFiles.arguments(english.get(key)))) {
                failures.add(key + ": arguments " + ThemeResourceFiles.arguments(value) + ", English has "
                        + ThemeResourceFiles.arguments(english.get(key)));
            }
        });
        assertThat(failures).as("messages_%s", locale).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void apostrophesAreDoubled(String locale) {
        // MessageFormat drops a single apostrophe and treats the text after it as quoted (Keycloak formats every message).
        List<String> failures = new ArrayList<>();
        bundle(locale).entries.forEach((key, value) -> {
            if (value.replace("''", "").contains("'")) {
                failures.add(key + " = " + value);
            }
        });
        assertThat(failures).as("single apostrophes in messages_%s", locale).isEmpty();
    }

    @Test
    void englishHasEveryKeyTheAuthenticatorAndTheTemplatesUse() {
        Set<String> keys = bundle("en").keys();
        assertThat(keys).containsAll(REQUIRED_KEYS);

        // Keys written out in the templates; keys built from the purpose are in REQUIRED_KEYS.
        Set<String> used = new TreeSet<>();
        for (String template : List.of("unify-code.ftl", "html/unify-code.ftl", "text/unify-code.ftl",
                "html/unify-activation.ftl", "text/unify-activation.ftl",
                "html/unify-access-lists.ftl", "text/unify-access-lists.ftl")) {
            Matcher matcher = LITERAL_KEY.matcher(ThemeResourceFiles.read(ThemeResourceFiles.templates().resolve(template)));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).as("keys in the templates").isNotEmpty();
        assertThat(keys).as("keys the templates use").containsAll(used);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void argumentsTheJavaSideFillsInAreTheAgreedOnes(String locale) {
        ThemeResourceFiles.Bundle bundle = bundle(locale);
        for (Object[] expectation : ARGUMENTS) {
            String key = (String) expectation[0];
            assertThat(ThemeResourceFiles.arguments(bundle.get(key))).as("arguments of %s in %s", key, locale)
                    .isEqualTo(expectation[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "de", "sl"})
    void sentencesAreTranslated(String locale) {
        ThemeResourceFiles.Bundle english = bundle("en");
        List<String> untranslated = new ArrayList<>();
        bundle(locale).entries.forEach((key, value) -> {
            String en = english.get(key);
            if (en != null && en.trim().split("\\s+").length >= 2 && value.trim().equals(en.trim())) {
                untranslated.add(key + " = " + value);
            }
        });
        assertThat(untranslated).as("English sentences left in messages_%s", locale).isEmpty();
    }

    @Test
    void countsReadNaturally() {
        assertThat(format("en", "unify-code-valid-minutes", 1)).isEqualTo("The code is valid for 1 minute.");
        assertThat(format("en", "unify-code-valid-minutes", 10)).isEqualTo("The code is valid for 10 minutes.");
        assertThat(format("en", "unify-code-error-wrong", 1)).endsWith("You have 1 try left.");
        assertThat(format("de", "unify-code-valid-days", 1)).isEqualTo("Der Code ist einen Tag lang gültig.");
        assertThat(format("de", "unify-code-valid-days", 7)).isEqualTo("Der Code ist 7 Tage lang gültig.");
        assertThat(format("fi", "unify-code-valid-minutes", 10)).isEqualTo("Koodi on voimassa 10 minuuttia.");
        assertThat(format("fi", "unify-code-valid-hours", 1)).isEqualTo("Koodi on voimassa tunnin.");
        // Slovenian has singular, dual, plural (3, 4) and the genitive plural (5 and up).
        assertThat(List.of(1, 2, 3, 4, 5, 10).stream().map(n -> format("sl", "unify-code-valid-minutes", n)).toList())
                .containsExactly("Koda velja 1 minuto.", "Koda velja 2 minuti.", "Koda velja 3 minute.",
                        "Koda velja 4 minute.", "Koda velja 5 minut.", "Koda velja 10 minut.");
        assertThat(List.of(1, 2, 3, 7).stream().map(n -> format("sl", "unify-code-valid-days", n)).toList())
                .containsExactly("Koda velja 1 dan.", "Koda velja 2 dneva.", "Koda velja 3 dni.", "Koda velja 7 dni.");
    }

    @Test
    void everyLanguageIsChecked() {
        assertThat(ThemeResourceFiles.LOCALES).containsExactly("en", "fi", "de", "sl");
        List<String> files = new ArrayList<>();
        for (String locale : ThemeResourceFiles.LOCALES) {
            if (Files.isRegularFile(ThemeResourceFiles.messagesFile(locale))) {
                files.add(locale);
            }
        }
        Collections.sort(files);
        assertThat(files).containsExactly("de", "en", "fi", "sl");
    }

    private static String format(String locale, String key, Object... arguments) {
        return KeycloakFreemarker.format(bundle(locale).get(key), locale, arguments);
    }
}
