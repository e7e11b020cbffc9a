package eu.unify.keycloak.activation.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/**
 * Renders html/unify-activation.ftl and text/unify-activation.ftl (the activation message whose link opens a page
 * that emails the code) with the layouts of Keycloak's base email theme and of the Unify email theme, in every
 * language: the link, its lifetime, what happens next, the user's services and customer numbers, nothing left
 * untranslated.
 */
class ActivationEmailRenderingTest {

    private static final String LINK = "https://sso.example.org/realms/acme/login-actions/action-token?key=a.b.c&client_id=account";

    static List<Arguments> everyThemeAndLanguage() {
        return ThemeResourceFiles.inEveryLanguage(ThemeResourceFiles.EMAIL_THEMES);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyThemeAndLanguage")
    void theMessageHoldsTheLinkItsLifetimeWhatComesNextAndTheLists(String themeName, String locale) {
        Theme theme = CodeEmailRenderingTest.theme(themeName);
        Properties messages = theme.messages(locale);
        Map<String, Object> attributes = attributes();
        attributes.put("services", List.of("Verkkokauppa", "Laskut"));
        attributes.put("customerNumbers", List.of("100234"));

        Msg msg = new Msg(theme.messages(locale), Locale.forLanguageTag(locale));
        String html = render(theme, "html", locale, attributes, msg);
        assertThat(msg.missing).as("unify-code-* keys without a message").noneMatch(key -> key.startsWith("unify"));
        assertThat(html).contains("<a id=\"unify-activation-link\" href=\"" + LINK.replace("&", "&amp;") + "\"");
        String visible = KeycloakFreemarker.visibleText(html);
        assertThat(visible)
                .contains(format(messages, "unify-code-email-greeting", locale, "Anna"))
                .contains(format(messages, "unify-code-email-intro-activation-link", locale, "Acme Oy"))
                .contains(format(messages, "unify-code-email-link", locale))
                .contains(format(messages, "unify-code-email-link-valid-hours", locale, 12))
                .contains(format(messages, "unify-code-email-activation-link-code", locale))
                .contains(format(messages, "unify-code-email-services", locale))
                .contains(format(messages, "unify-code-email-customer-numbers", locale))
                .contains(format(messages, "unify-code-email-ignore-welcome", locale))
                .doesNotContain("???").doesNotContain("unify-code-");
        assertThat(html).contains("<html lang=\"" + locale + "\"").doesNotContain("unify-code-value");

        String plain = render(theme, "text", locale, attributes, new Msg(messages, Locale.forLanguageTag(locale)));
        assertThat(plain.lines().map(String::trim).toList()).as("the link on a line of its own").contains(LINK);
        assertThat(plain)
                .contains(format(messages, "unify-code-email-intro-activation-link", locale, "Acme Oy"))
                .contains(format(messages, "unify-code-email-link-valid-hours", locale, 12))
                .contains(format(messages, "unify-code-email-services", locale) + "\n  - Verkkokauppa\n  - Laskut\n")
                .contains(format(messages, "unify-code-email-customer-numbers", locale) + "\n  - 100234\n")
                .doesNotContain("???").doesNotContain("unify-code-").doesNotContain("<").doesNotContain("&amp;");
        assertThat(plain.split("\\R\\R\\R")).as("no runs of blank lines").hasSize(1);
    }

    @Test
    void withoutServicesOrNumbersThereAreNoListsAndTheTextStillReadsWell() {
        Theme theme = CodeEmailRenderingTest.BASE;
        Properties messages = theme.messages("en");
        Map<String, Object> attributes = attributes();
        attributes.put("services", List.of());
        String html = render(theme, "html", "en", attributes, new Msg(messages, Locale.ENGLISH));
        String plain = render(theme, "text", "en", attributes, new Msg(messages, Locale.ENGLISH));
        for (String part : List.of(html, plain)) {
            assertThat(part).doesNotContain(messages.getProperty("unify-code-email-services"))
                    .doesNotContain(messages.getProperty("unify-code-email-customer-numbers"));
        }
        assertThat(html).doesNotContain("<ul");
        assertThat(plain.split("\\R\\R\\R")).as("no runs of blank lines").hasSize(1);
    }

    @Test
    void theLifetimeIsShownInTheLargestWholeUnit() {
        assertThat(lifetimeText(30)).contains("The link is valid for 30 minutes.");
        assertThat(lifetimeText(720)).contains("The link is valid for 12 hours.");
        assertThat(lifetimeText(1440)).contains("The link is valid for 1 day.");
        assertThat(lifetimeText(0)).doesNotContain("The link is valid");
    }

    @Test
    void onlyHttpLinksBecomeLinks() {
        Map<String, Object> attributes = attributes();
        attributes.put("linkUrl", "javascript:alert(1)");
        Properties messages = CodeEmailRenderingTest.BASE.messages("en");
        String html = render(CodeEmailRenderingTest.BASE, "html", "en", attributes, new Msg(messages, Locale.ENGLISH));
        assertThat(html).doesNotContain("<a ").doesNotContain("javascript:");
        assertThat(render(CodeEmailRenderingTest.BASE, "text", "en", attributes, new Msg(messages, Locale.ENGLISH)))
                .doesNotContain("javascript:");
    }

    // ------------------------------------------------------------------------------------------

    private static String lifetimeText(int minutes) {
        Map<String, Object> attributes = attributes();
        attributes.put("expiresInMinutes", minutes);
        Properties messages = CodeEmailRenderingTest.BASE.messages("en");
        return KeycloakFreemarker.visibleText(
                render(CodeEmailRenderingTest.BASE, "html", "en", attributes, new Msg(messages, Locale.ENGLISH)));
    }

    /** What CodeMailer passes plus what Keycloak's FreeMarkerEmailTemplateProvider adds. */
    private static Map<String, Object> attributes() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("realmName", "Acme Oy");
        attributes.put("user", Map.of("username", "anna", "firstName", "Anna", "email", "anna@example.com"));
        attributes.put("linkUrl", LINK);
        attributes.put("expiresInMinutes", 720);
        return attributes;
    }

    private static String render(Theme theme, String format, String locale, Map<String, Object> attributes, Msg msg) {
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("locale", Locale.forLanguageTag(locale));
        model.put("ltr", true);
        model.put("msg", msg);
        model.put("properties", theme.properties());
        model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
        return KeycloakFreemarker.render(theme, format + "/unify-activation.ftl", model);
    }

    private static String format(Properties messages, String key, String locale, Object... arguments) {
        assertThat(messages.getProperty(key)).as("message %s", key).isNotNull();
        return KeycloakFreemarker.format(messages.getProperty(key), locale, arguments);
    }
}
