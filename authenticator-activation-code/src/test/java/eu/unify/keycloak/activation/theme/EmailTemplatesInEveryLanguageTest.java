package eu.unify.keycloak.activation.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/**
 * Every email this module sends, each variant, rendered in the HTML and the plain-text part under Keycloak's base email
 * theme and the Unify email theme in every language: no message key without a text, none printed raw, no FreeMarker
 * expression or unfilled argument left, and both parts say something. The variants: a code for each purpose, the
 * activation message without a code, and both welcome messages for an account that moved from its old username.
 */
class EmailTemplatesInEveryLanguageTest {

    private static final String LINK = "https://sso.example.org/realms/acme/login-actions/action-token?key=a.b.c";
    private static final Pattern RAW_KEY = Pattern.compile("unify-[a-z0-9]+(-[a-z0-9]+)+|requiredAction\\.");
    private static final Pattern UNFILLED = Pattern.compile("\\$\\{|\\{\\d+(,[^}]*)?}");

    /** Each email: its template and what its sender passes. */
    private record Variant(String name, String template, Map<String, Object> attributes) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Arguments> everyEmailThemeLanguageAndVariant() {
        List<Arguments> all = new ArrayList<>();
        for (Arguments themeAndLanguage : ThemeResourceFiles.inEveryLanguage(ThemeResourceFiles.EMAIL_THEMES)) {
            for (Variant variant : variants()) {
                Object[] pair = themeAndLanguage.get();
                all.add(Arguments.of(pair[0], pair[1], variant));
            }
        }
        return all;
    }

    private static List<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (String purpose : List.of("reset-credentials", "activation", "account-link", "activation-in-message")) {
            Map<String, Object> code = base(false);
            code.put("code", purpose.startsWith("activation-in") || purpose.equals("account-link")
                    ? "K7Q2-9XMD-4TPA-R3" : "48213907");
            code.put("purpose", purpose);
            code.put("expiresInMinutes", 10);
            variants.add(new Variant("code, " + purpose, "unify-code.ftl", code));
        }
        Map<String, Object> welcome = base(true);
        welcome.put("code", "K7Q2-9XMD-4TPA-R3");
        welcome.put("purpose", "activation-in-message");
        welcome.put("expiresInDays", 7);
        variants.add(new Variant("welcome with code, moved account", "unify-code.ftl", welcome));
        variants.add(new Variant("activation link", "unify-activation.ftl", base(false)));
        variants.add(new Variant("activation link, moved account", "unify-activation.ftl", base(true)));
        return variants;
    }

    /** What Keycloak's email provider adds (realm, user) and the link, lists and lifetime the senders pass. */
    private static Map<String, Object> base(boolean moved) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("realmName", "Acme Oy");
        Map<String, Object> user = new HashMap<>(Map.of("username", "anna", "firstName", "Anna", "email", "anna@example.com"));
        user.put("attributes", moved ? Map.of("legacy_username", "ANNA-V") : Map.of());
        attributes.put("user", user);
        attributes.put("linkUrl", LINK);
        attributes.put("expiresInMinutes", 720);
        attributes.put("services", List.of("Verkkokauppa", "Laskut"));
        attributes.put("customerNumbers", List.of("100234"));
        return attributes;
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @MethodSource("everyEmailThemeLanguageAndVariant")
    void bothPartsAreCompleteWithNoKeyLeft(String themeName, String locale, Variant variant) {
        Theme theme = CodeEmailRenderingTest.theme(themeName);
        for (String format : List.of("html", "text")) {
            Properties messages = theme.messages(locale);
            Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
            Map<String, Object> model = new HashMap<>(variant.attributes());
            model.put("locale", Locale.forLanguageTag(locale));
            model.put("ltr", true);
            model.put("msg", msg);
            model.put("properties", theme.properties());
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            String rendered = KeycloakFreemarker.render(theme, format + "/" + variant.template(), model);
            String text = format.equals("html") ? KeycloakFreemarker.visibleText(rendered) : rendered;
            String where = format + " part of " + variant + " in " + themeName + ", " + locale;

            assertThat(msg.missing).as("keys without a text in the %s", where).isEmpty();
            Matcher raw = RAW_KEY.matcher(text);
            assertThat(raw.find()).as("a message key printed in the %s:%n%s", where, text).isFalse();
            assertThat(UNFILLED.matcher(text).find()).as("${...} or {0} left in the %s:%n%s", where, text).isFalse();
            assertThat(text).as(where).contains("Anna").contains("Acme Oy").contains("Verkkokauppa");
            if (format.equals("html")) {
                assertThat(rendered).as(where).contains("lang=\"" + locale + "\"");
            }
            boolean moved = variant.name().contains("moved");
            String intro = variant.template().equals("unify-activation.ftl")
                    ? (moved ? "unify-code-email-intro-moved-link" : "unify-code-email-intro-activation-link")
                    : (moved ? "unify-code-email-intro-moved-code"
                            : "unify-code-email-intro-" + variant.attributes().get("purpose"));
            assertThat(text).as("the introduction of the %s", where).contains(
                    KeycloakFreemarker.format(messages.getProperty(intro), locale, "Acme Oy"));
        }
    }

    /**
     * A first name or realm name is shown as written under Keycloak's own msg(), which resolves ${key} in its
     * arguments and formats with MessageFormat: greeting, introduction and the Unify theme's footer (realm name).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"${7*7}", "'{0}'", "${loginTitle}", "{0} '' '", "Anna ${x"})
    void namesAreShownAsTheyAreWrittenWithKeycloaksOwnMsg(String trick) {
        String firstName = "Anna " + trick;
        String realmName = "Acme " + trick;
        for (String themeName : ThemeResourceFiles.EMAIL_THEMES) {
            Theme theme = CodeEmailRenderingTest.theme(themeName);
            Properties messages = theme.messages("fi");
            for (Variant variant : variants()) {
                for (String format : List.of("html", "text")) {
                    Map<String, Object> model = new HashMap<>(variant.attributes());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> user = new HashMap<>((Map<String, Object>) model.get("user"));
                    user.put("firstName", firstName);
                    model.put("user", user);
                    model.put("realmName", realmName);
                    model.put("locale", Locale.forLanguageTag("fi"));
                    model.put("ltr", true);
                    model.put("msg", new MessageFormatterMethod(Locale.forLanguageTag("fi"), messages));
                    model.put("properties", theme.properties());
                    model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
                    String rendered = KeycloakFreemarker.render(theme, format + "/" + variant.template(), model);
                    String text = format.equals("html") ? KeycloakFreemarker.visibleText(rendered) : rendered;
                    String where = format + " part of " + variant + " in " + themeName;
                    assertThat(text).as(where)
                            .contains(KeycloakFreemarker.format(messages.getProperty("unify-code-email-greeting"), "fi",
                                    firstName))
                            .contains(realmName)
                            .doesNotContain("49");
                    if (themeName.equals("unify") && format.equals("html")) {
                        assertThat(text).as("footer of the %s", where).contains(KeycloakFreemarker.format(
                                messages.getProperty("unifyEmailFooterAutomated"), "fi", realmName));
                    }
                }
            }
        }
    }
}
