package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;

/**
 * Renders base's HTML emails (password reset, email verification, required actions) through the
 * Unify layout, with the attributes Keycloak's FreeMarkerEmailTemplateProvider passes.
 */
class EmailTemplateTest {

    private static final Theme THEME = new Theme("unify", Source.unify("email"), Source.stock("theme/base/email"));

    private static final List<String> EMAILS = List.of(
            "html/password-reset.ftl", "html/email-verification.ftl", "html/executeActions.ftl");

    static List<Arguments> emailsInEveryLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String email : EMAILS) {
            for (String locale : ThemeFiles.LOCALES) {
                arguments.add(Arguments.of(email, locale));
            }
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("emailsInEveryLanguage")
    void emailsHaveTheBrandedLayoutInTheUsersLanguage(String email, String locale) {
        Properties theme = THEME.properties();
        Properties messages = THEME.messages(locale);
        String html = render(email, locale, theme);

        assertThat(html).contains("<html lang=\"" + locale + "\" dir=\"ltr\">");
        assertThat(header(html))
                .contains("background-color:" + theme.getProperty("unifyEmailBrandColor"))
                .contains(">" + theme.getProperty("unifyEmailBrandName") + "<")
                .contains(messages.getProperty("unifyEmailTagline"));
        String footer = KeycloakFreemarker.unescape(cell(html, "unify-email-footer"));
        assertThat(footer)
                .contains(format(messages.getProperty("unifyEmailFooterHelp"), locale))
                .contains(format(messages.getProperty("unifyEmailFooterAutomated"), locale, "Acme Oy"));
        // The body is base's message in the user's language, inside the layout.
        String bodyKey = Map.of("html/password-reset.ftl", "passwordResetBodyHtml",
                "html/email-verification.ftl", "emailVerificationBodyHtml",
                "html/executeActions.ftl", "executeActionsBodyHtml").get(email);
        String firstSentence = messages.getProperty(bodyKey).replaceAll("<[^>]+>", " ").trim().split("[.{]")[0].trim();
        assertThat(KeycloakFreemarker.unescape(cell(html, "unify-email-body"))).contains(firstSentence);
    }

    @Test
    void requiredActionsAreListedInTheUsersLanguage() {
        Properties messages = THEME.messages("fi");
        String html = render("html/executeActions.ftl", "fi", THEME.properties());
        assertThat(KeycloakFreemarker.unescape(html))
                .contains(messages.getProperty("requiredAction.UPDATE_PASSWORD"))
                .contains(messages.getProperty("requiredAction.CONFIGURE_RECOVERY_AUTHN_CODES"))
                .doesNotContain("Generate Recovery Codes");
    }

    @Test
    void noRemoteImagesOrStylesheets() {
        String html = render("html/password-reset.ftl", "en", THEME.properties());
        assertThat(html).doesNotContain("<img").doesNotContain("<link").doesNotContain("<style").doesNotContain("url(");
    }

    @Test
    void brandColourComesFromThemeProperties() {
        Properties theme = THEME.properties();
        theme.setProperty("unifyEmailBrandColor", "#0f766e");
        theme.setProperty("unifyEmailBrandName", "Acme");
        String html = render("html/password-reset.ftl", "en", theme);
        assertThat(header(html)).contains("background-color:#0f766e").contains(">Acme<");
    }

    @Test
    void invalidPropertiesFallBackToTheDefaults() {
        Properties theme = THEME.properties();
        theme.setProperty("unifyEmailBrandColor", "red\" onload=\"alert(1)");
        theme.setProperty("unifyEmailFontFamily", "Arial; background:url(https://tracker.example/x)");
        String html = render("html/password-reset.ftl", "en", theme);
        assertThat(header(html)).contains("background-color:#2346c8");
        assertThat(html).doesNotContain("onload").doesNotContain("tracker.example");
    }

    @Test
    void defaultEmailColoursAreReadable() {
        Properties theme = THEME.properties();
        assertThat(contrast(theme, "unifyEmailOnBrandColor", "unifyEmailBrandColor")).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(theme, "unifyEmailTextColor", "unifyEmailSurfaceColor")).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(theme, "unifyEmailMutedColor", "unifyEmailSurfaceColor")).isGreaterThanOrEqualTo(4.5);
    }

    // ------------------------------------------------------------------------------------------

    /** Renders an HTML email with the attributes FreeMarkerEmailTemplateProvider gives it. */
    static String render(String email, String locale, Properties theme) {
        Properties messages = THEME.messages(locale);
        Locale javaLocale = Locale.forLanguageTag(locale);

        Map<String, Object> model = new HashMap<>();
        model.put("properties", theme);
        model.put("msg", new Msg(messages, javaLocale));
        model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
        model.put("locale", javaLocale);
        model.put("ltr", true);
        model.put("realmName", "Acme Oy");
        model.put("link", "https://sso.example.org/realms/acme/login-actions/action-token?key=abc");
        model.put("linkExpiration", 720);
        model.put("linkExpirationFormatter", KeycloakFreemarker.constant("12 h"));
        model.put("requiredActions", List.of("UPDATE_PASSWORD", "CONFIGURE_RECOVERY_AUTHN_CODES"));
        model.put("user", Map.of("username", "anna", "firstName", "Anna"));
        return KeycloakFreemarker.render(THEME, email, model);
    }

    private static String header(String html) {
        return cell(html, "unify-email-header");
    }

    private static String cell(String html, String id) {
        Matcher matcher = Pattern.compile("(?s)<td id=\"" + id + "\"(.*?)</td>").matcher(html);
        assertThat(matcher.find()).as("#%s in the email", id).isTrue();
        return matcher.group(1);
    }

    private static String format(String message, String locale, Object... arguments) {
        return new MessageFormat(message, Locale.forLanguageTag(locale)).format(arguments);
    }

    private static double contrast(Properties theme, String foreground, String background) {
        return BrandStylesheetTest.contrast(theme.getProperty(foreground), theme.getProperty(background));
    }
}
