package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
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

/**
 * Renders base's HTML emails (password reset, email verification, required actions) through the
 * Unify layout, with the attributes Keycloak's FreeMarkerEmailTemplateProvider passes.
 */
class EmailTemplateTest {

    private static final List<String> PARENTS = List.of("theme/base/email");
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
        Properties theme = Freemarker.themeProperties("email", PARENTS.get(0));
        Properties messages = Freemarker.messages(locale, PARENTS, "email");
        String html = render(email, locale, theme);

        assertThat(html).contains("<html lang=\"" + locale + "\" dir=\"ltr\">");
        assertThat(header(html))
                .contains("background-color:" + theme.getProperty("unifyEmailBrandColor"))
                .contains(">" + theme.getProperty("unifyEmailBrandName") + "<")
                .contains(messages.getProperty("unifyEmailTagline"));
        String footer = Freemarker.unescape(cell(html, "unify-email-footer"));
        assertThat(footer)
                .contains(format(messages.getProperty("unifyEmailFooterHelp"), locale))
                .contains(format(messages.getProperty("unifyEmailFooterAutomated"), locale, "Acme Oy"));
        // The body is base's message in the user's language, inside the layout.
        String bodyKey = Map.of("html/password-reset.ftl", "passwordResetBodyHtml",
                "html/email-verification.ftl", "emailVerificationBodyHtml",
                "html/executeActions.ftl", "executeActionsBodyHtml").get(email);
        String firstSentence = messages.getProperty(bodyKey).replaceAll("<[^>]+>", " ").trim().split("[.{]")[0].trim();
        assertThat(Freemarker.unescape(cell(html, "unify-email-body"))).contains(firstSentence);
    }

    @Test
    void requiredActionsAreListedInTheUsersLanguage() {
        Properties messages = Freemarker.messages("fi", PARENTS, "email");
        String html = render("html/executeActions.ftl", "fi", Freemarker.themeProperties("email", PARENTS.get(0)));
        assertThat(Freemarker.unescape(html))
                .contains(messages.getProperty("requiredAction.UPDATE_PASSWORD"))
                .contains(messages.getProperty("requiredAction.CONFIGURE_RECOVERY_AUTHN_CODES"))
                .doesNotContain("Generate Recovery Codes");
    }

    @Test
    void noRemoteImagesOrStylesheets() {
        String html = render("html/password-reset.ftl", "en", Freemarker.themeProperties("email", PARENTS.get(0)));
        assertThat(html).doesNotContain("<img").doesNotContain("<link").doesNotContain("<style").doesNotContain("url(");
    }

    @Test
    void brandColourComesFromThemeProperties() {
        Properties theme = Freemarker.themeProperties("email", PARENTS.get(0));
        theme.setProperty("unifyEmailBrandColor", "#0f766e");
        theme.setProperty("unifyEmailBrandName", "Acme");
        String html = render("html/password-reset.ftl", "en", theme);
        assertThat(header(html)).contains("background-color:#0f766e").contains(">Acme<");
    }

    @Test
    void invalidPropertiesFallBackToTheDefaults() {
        Properties theme = Freemarker.themeProperties("email", PARENTS.get(0));
        theme.setProperty("unifyEmailBrandColor", "red\" onload=\"alert(1)");
        theme.setProperty("unifyEmailFontFamily", "Arial; background:url(https://tracker.example/x)");
        String html = render("html/password-reset.ftl", "en", theme);
        assertThat(header(html)).contains("background-color:#2346c8");
        assertThat(html).doesNotContain("onload").doesNotContain("tracker.example");
    }

    @Test
    void defaultEmailColoursAreReadable() {
        Properties theme = Freemarker.themeProperties("email", PARENTS.get(0));
        assertThat(contrast(theme, "unifyEmailOnBrandColor", "unifyEmailBrandColor")).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(theme, "unifyEmailTextColor", "unifyEmailSurfaceColor")).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(theme, "unifyEmailMutedColor", "unifyEmailSurfaceColor")).isGreaterThanOrEqualTo(4.5);
    }

    // ------------------------------------------------------------------------------------------

    /** Renders an HTML email with the attributes FreeMarkerEmailTemplateProvider gives it. */
    static String render(String email, String locale, Properties theme) {
        Configuration configuration = Freemarker.configuration("email", PARENTS.toArray(new String[0]));
        Properties messages = Freemarker.messages(locale, PARENTS, "email");
        Locale javaLocale = Locale.forLanguageTag(locale);

        Map<String, Object> model = new HashMap<>();
        model.put("properties", theme);
        model.put("msg", Freemarker.msg(messages, javaLocale));
        model.put("kcSanitize", Freemarker.kcSanitize());
        model.put("locale", javaLocale);
        model.put("ltr", true);
        model.put("realmName", "Acme Oy");
        model.put("link", "https://sso.example.org/realms/acme/login-actions/action-token?key=abc");
        model.put("linkExpiration", 720);
        model.put("linkExpirationFormatter", Freemarker.constant("12 h"));
        model.put("requiredActions", List.of("UPDATE_PASSWORD", "CONFIGURE_RECOVERY_AUTHN_CODES"));
        model.put("user", Map.of("username", "anna", "firstName", "Anna"));
        return Freemarker.render(configuration, email, model);
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
