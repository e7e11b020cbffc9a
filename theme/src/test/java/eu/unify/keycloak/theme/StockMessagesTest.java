package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import eu.unify.keycloak.common.theme.ThemeResourceFiles.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the Unify bundles with Keycloak's own (the keycloak-themes jar of the Keycloak version
 * in the build): what a Finnish, German or Slovenian user of the Unify themes reads is Keycloak's
 * text in that language, else Unify's, else Keycloak's English. The last must not happen on the
 * pages staff meet, so every English key of Keycloak needs a translation from Keycloak or from
 * Unify, apart from the features listed in {@link #NOT_OFFERED}, which Unify realms do not use.
 * When a Keycloak upgrade adds keys, this test names them.
 */
class StockMessagesTest {

    /** msg("key") or msg('key', ...) with a literal key; "prefix.${...}" keys are built at run time. */
    private static final Pattern MSG_KEY = Pattern.compile("msg\\(\\s*[\"']([A-Za-z0-9_.-]*[A-Za-z0-9_-])[\"']");

    /** Keycloak features whose texts Unify does not translate, with the reason. */
    private static final Map<String, Pattern> NOT_OFFERED = new LinkedHashMap<>();

    static {
        NOT_OFFERED.put("organizations (Unify realms have no organizations)", Pattern.compile(
                "doSwitchOrganization|organizationScopeConsentText|organization\\..*|notMemberOf.*Organization"
                        + "|orgMemberAlready|orgDisabledMessage|staleInviteOrgLink|orgInvite.*"));
        NOT_OFFERED.put("identity brokering and account linking", Pattern.compile(
                "identityProvider.*|federatedIdentity.*|confirmOverrideIdp.*|confirmAccountLinkingBody|linkIdpAction.*"
                        + "|idp-.*|access-denied-when-idp-auth"));
        NOT_OFFERED.put("OAuth consent screens and token delegation", Pattern.compile(
                "oauthGrant.*|delegationScopeConsentText"));
        NOT_OFFERED.put("verifiable credentials (OID4VC, DIDs)", Pattern.compile(
                "did|didExistsMessage|credentialOffer.*|naturalPersonScopeConsentText|verifiableCredentialOffer.*"));
        NOT_OFFERED.put("X.509 client certificates", Pattern.compile("auth-x509-client-username-form-.*"));
        NOT_OFFERED.put("workflow notifications (base's workflow-notification.ftl is English-only itself)", Pattern.compile(
                "account(Disable|Delete)?Notification(Subject|Body)"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "email"})
    void unifyOverridesOnlyKeysKeycloakHas(String type) {
        Bundle unify = ThemeFiles.loadBundle(ThemeFiles.unifyTheme(type).resolve("messages/messages_en.properties"));
        Map<String, String> stockEnglish = stock(type, "en");
        List<String> problems = new ArrayList<>();
        for (String key : unify.keys()) {
            if (isUnifyKey(key)) {
                continue;
            }
            String reference = stockEnglish.get(key);
            if (reference == null) {
                if (!templateKeys(type).contains(key)) {
                    problems.add(key + " is neither a Unify key (unify..., theme.unify...), nor one of Keycloak's,"
                            + " nor asked for by a template");
                }
            } else if (!ThemeFiles.arguments(unify.get(key)).equals(ThemeFiles.arguments(reference))) {
                problems.add(key + " uses arguments " + ThemeFiles.arguments(unify.get(key))
                        + " but Keycloak passes " + ThemeFiles.arguments(reference) + " (\"" + reference + "\")");
            }
        }
        assertThat(problems).as("overrides of Keycloak's %s messages", type).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "email"})
    void noKeycloakTextIsLeftInEnglish(String type) {
        Map<String, String> stockEnglish = stock(type, "en");
        List<String> problems = new ArrayList<>();
        for (String locale : ThemeFiles.TRANSLATIONS) {
            Set<String> missing = missing(type, locale, stockEnglish);
            missing.removeIf(StockMessagesTest::notOffered);
            if (!missing.isEmpty()) {
                problems.add(locale + ": " + missing);
            }
        }
        assertThat(problems)
                .as("Keycloak %s keys that neither Keycloak nor Unify translate; add them to all four Unify bundles"
                        + " of theme/unify/%s/messages (or, for a feature Unify realms do not use, to NOT_OFFERED)",
                        type, type)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "email"})
    void everyMessageTheTemplatesAskForIsDefined(String type) {
        Set<String> defined = new TreeSet<>(stock(type, "en").keySet());
        defined.addAll(ThemeFiles.loadBundle(ThemeFiles.unifyTheme(type).resolve("messages/messages_en.properties")).keys());
        Set<String> undefined = new TreeSet<>(templateKeys(type));
        undefined.removeAll(defined);
        assertThat(undefined)
                .as("msg(\"...\") keys of the %s templates (Unify's and its parents') that no bundle defines;"
                        + " the page would show the key itself", type)
                .isEmpty();
    }

    @Test
    void everyExclusionIsStillNeeded() {
        Set<String> missingAnywhere = new TreeSet<>();
        for (String type : List.of("login", "email")) {
            Map<String, String> stockEnglish = stock(type, "en");
            for (String locale : ThemeFiles.TRANSLATIONS) {
                missingAnywhere.addAll(missing(type, locale, stockEnglish));
            }
        }
        List<String> unused = new ArrayList<>();
        NOT_OFFERED.forEach((reason, pattern) -> {
            if (missingAnywhere.stream().noneMatch(key -> pattern.matcher(key).matches())) {
                unused.add(reason);
            }
        });
        assertThat(unused)
                .as("NOT_OFFERED groups that exclude nothing any more (Keycloak translates them now); remove them")
                .isEmpty();
    }

    /** Keycloak's English keys that a user of the Unify theme would read in English in this language. */
    private static Set<String> missing(String type, String locale, Map<String, String> stockEnglish) {
        Set<String> translated = new LinkedHashSet<>(stock(type, locale).keySet());
        translated.addAll(ThemeFiles.loadBundle(
                ThemeFiles.unifyTheme(type).resolve("messages/messages_" + locale + ".properties")).keys());
        Set<String> missing = new TreeSet<>(stockEnglish.keySet());
        missing.removeAll(translated);
        return missing;
    }

    /** The messages Keycloak's own themes give the Unify theme's parents in a language. */
    static Map<String, String> stock(String type, String locale) {
        List<String> parents = type.equals("login")
                ? List.of("theme/base/login", "theme/keycloak.v2/login")
                : List.of("theme/base/email");
        Map<String, String> messages = new LinkedHashMap<>();
        for (String parent : parents) {
            Bundle bundle = ThemeFiles.stockBundle(parent + "/messages/messages_" + locale + ".properties");
            if (bundle != null) {
                messages.putAll(bundle.entries);
            }
        }
        if (locale.equals("en")) {
            assertThat(messages).as("Keycloak's English %s messages on the test class path", type).isNotEmpty();
        }
        // Descriptions of Keycloak's own themes are shown to administrators only.
        messages.keySet().removeIf(key -> key.startsWith("theme.") && key.endsWith(".description"));
        return messages;
    }

    /** Literal msg("key") keys of the templates a Unify page is made of: Unify's own and its parents'. */
    static Set<String> templateKeys(String type) {
        List<String> parents = type.equals("login")
                ? List.of("theme/base/login/", "theme/keycloak.v2/login/")
                : List.of("theme/base/email/");
        Set<String> keys = new TreeSet<>();
        for (String text : templates(parents)) {
            addKeys(keys, text);
        }
        try (Stream<Path> files = Files.walk(ThemeFiles.unifyTheme(type))) {
            files.filter(file -> file.toString().endsWith(".ftl")).forEach(file -> addKeys(keys, ThemeFiles.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void addKeys(Set<String> keys, String template) {
        Matcher matcher = MSG_KEY.matcher(template);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
    }

    /** The .ftl files under the given folders of the keycloak-themes jar. */
    private static List<String> templates(List<String> folders) {
        URL anchor = StockMessagesTest.class.getClassLoader().getResource("theme/base/login/template.ftl");
        assertThat(anchor).as("Keycloak's themes on the test class path").isNotNull();
        List<String> texts = new ArrayList<>();
        try {
            JarURLConnection connection = (JarURLConnection) anchor.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.endsWith(".ftl") && folders.stream().anyMatch(name::startsWith)) {
                        texts.add(ThemeFiles.stockText(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(texts).as("templates under %s", folders).isNotEmpty();
        return texts;
    }

    private static boolean isUnifyKey(String key) {
        return key.startsWith("unify") || key.startsWith("theme.unify.");
    }

    private static boolean notOffered(String key) {
        return NOT_OFFERED.values().stream().anyMatch(pattern -> pattern.matcher(key).matches());
    }
}
