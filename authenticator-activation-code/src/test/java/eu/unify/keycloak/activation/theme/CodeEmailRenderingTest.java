package eu.unify.keycloak.activation.theme;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
import java.nio.file.Path;
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
 * Renders html/unify-code.ftl and text/unify-code.ftl with the layouts of Keycloak's base email theme and
 * of the Unify email theme, with the attributes FreeMarkerEmailTemplateProvider adds, for every purpose
 * and language: the code stands alone in #unify-code-value (HTML) and on its own line (text), with its
 * lifetime, the "newest code only" and "ignore this" notes, and nothing left untranslated.
 */
class CodeEmailRenderingTest {

    static final Theme BASE = new Theme("base", Source.stock("theme/base/email"));

    static Theme unify() {
        Path unify = ThemeResourceFiles.unifyTheme("email");
        assumeTrue(unify != null, "theme/src/main/resources/theme/unify/email not found");
        return new Theme("unify", Source.directory(unify), Source.stock("theme/base/email"));
    }

    static Theme theme(String name) {
        return name.equals("unify") ? unify() : BASE;
    }

    static final List<String> PURPOSES = List.of("reset-credentials", "activation", "account-link", "activation-in-message");

    static List<Arguments> emailsInEveryThemeAndLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String theme : List.of("base", "unify")) {
            for (String purpose : PURPOSES) {
                for (String locale : ThemeResourceFiles.LOCALES) {
                    arguments.add(Arguments.of(theme, purpose, locale));
                }
            }
        }
        return arguments;
    }

    static String codeFor(String purpose) {
        return purpose.equals("account-link") || purpose.equals("activation-in-message") ? "K7Q2-9XMD-4TPA-R3" : "04821390";
    }

    @ParameterizedTest(name = "{1} in {0}, {2}")
    @MethodSource("emailsInEveryThemeAndLanguage")
    void emailShowsTheCodeItsLifetimeAndTheNotes(String themeName, String purpose, String locale) {
        Theme theme = theme(themeName);
        boolean account = !codeFor(purpose).matches("[0-9]+");
        Email email = new Email(theme, locale).purpose(purpose).code(codeFor(purpose));
        if (account) {
            email.attributes.put("expiresInMinutes", 10080);
            email.attributes.put("expiresInDays", 7);
        } else {
            email.attributes.put("expiresInMinutes", 10);
        }
        Properties messages = theme.messages(locale);

        String html = email.render("html");
        assertThat(email.msg.missing).as("unify-code-* keys without a message").noneMatch(key -> key.startsWith("unify"));
        assertThat(codeElements(html)).containsExactly(codeFor(purpose));
        assertThat(element(html, "<span id=\"unify-code-value\"[^>]*>")).contains("monospace", "letter-spacing");
        String lifetime = account
                ? format(messages, "unify-code-valid-days", locale, 7)
                : format(messages, "unify-code-valid-minutes", locale, 10);
        String text = KeycloakFreemarker.visibleText(html);
        assertThat(text)
                .contains(format(messages, "unify-code-email-greeting", locale, "Anna"))
                .contains(format(messages, "unify-code-email-intro-" + purpose, locale, "Acme Oy"))
                .contains(lifetime)
                .contains(format(messages, "unify-code-email-newest", locale))
                .contains(format(messages, "unify-code-email-do-not-share", locale))
                .contains(format(messages, purpose.equals("activation-in-message")
                        ? "unify-code-email-ignore-welcome" : "unify-code-email-ignore", locale))
                .contains(format(messages, account ? "unify-code-email-enter-account" : "unify-code-email-enter-session", locale))
                .doesNotContain("???").doesNotContain("unify-code-");
        assertThat(html).contains("<html lang=\"" + locale + "\"");

        String plain = email.render("text");
        assertThat(email.msg.missing).noneMatch(key -> key.startsWith("unify"));
        assertThat(plain.lines().map(String::trim).toList()).as("lines of the text email").contains(codeFor(purpose));
        assertThat(plain)
                .contains(format(messages, "unify-code-email-intro-" + purpose, locale, "Acme Oy"))
                .contains(lifetime)
                .contains(format(messages, "unify-code-email-newest", locale))
                .doesNotContain("???").doesNotContain("unify-code-").doesNotContain("<").doesNotContain("&amp;");
        assertThat(plain.split("\\R\\R\\R")).as("no runs of blank lines").hasSize(1);
    }

    @Test
    void welcomeEmailLinksToTheActivationPage() {
        Email email = new Email(BASE, "en").purpose("activation-in-message").code("K7Q2-9XMD-4TPA-R3");
        email.attributes.put("linkUrl", "https://sso.example.org/realms/acme/activate?x=1&y=2");
        String html = email.render("html");
        assertThat(html).contains("<a href=\"https://sso.example.org/realms/acme/activate?x=1&amp;y=2\"");
        assertThat(KeycloakFreemarker.visibleText(html)).contains("You can enter the code here: Activate your account")
                .doesNotContain("You will be asked for this code");
        assertThat(email.render("text")).contains("You can enter the code here:\nhttps://sso.example.org/realms/acme/activate?x=1&y=2");
    }

    @Test
    void linksAreOnlyForTheWelcomeEmailAndOnlyHttp() {
        Email reset = new Email(BASE, "en").purpose("reset-credentials").code("12345678");
        reset.attributes.put("linkUrl", "https://sso.example.org/x");
        assertThat(reset.render("html")).doesNotContain("<a ").doesNotContain("sso.example.org");

        Email welcome = new Email(BASE, "en").purpose("activation-in-message").code("K7Q2-9XMD-4TPA-R3");
        welcome.attributes.put("linkUrl", "javascript:alert(1)");
        assertThat(welcome.render("html")).doesNotContain("<a ").doesNotContain("javascript:");
        assertThat(welcome.render("text")).doesNotContain("javascript:").contains("You will be asked for this code");
    }

    @Test
    void withoutANameOrALifetimeTheEmailStillReadsWell() {
        Email email = new Email(BASE, "de").purpose("activation").code("48213907");
        email.attributes.remove("user");
        String text = KeycloakFreemarker.visibleText(email.render("html"));
        assertThat(text).startsWith("Guten Tag,").doesNotContain("gültig").doesNotContain("Hallo");
        assertThat(email.render("text")).startsWith("Guten Tag,");
    }

    @Test
    void lifetimeInTheLargestWholeUnit() {
        assertThat(lifetimeOf(Map.of("expiresInMinutes", 1))).contains("The code is valid for 1 minute.");
        assertThat(lifetimeOf(Map.of("expiresInMinutes", 180))).contains("The code is valid for 3 hours.");
        assertThat(lifetimeOf(Map.of("expiresInMinutes", 2880))).contains("The code is valid for 2 days.");
        assertThat(lifetimeOf(Map.of("expiresInMinutes", 2000, "expiresInDays", 1))).contains("The code is valid for 1 day.");
    }

    @Test
    void numericCodesKeepLeadingZerosAndHaveNoGrouping() {
        Email email = new Email(BASE, "en").purpose("activation").code(4821390L);
        assertThat(codeElements(email.render("html"))).containsExactly("4821390");
        Email zeros = new Email(BASE, "en").purpose("activation").code("00482139");
        assertThat(codeElements(zeros.render("html"))).containsExactly("00482139");
    }

    @Test
    void theEmailHasNoRemoteContent() {
        Email email = new Email(unifyOrBase(), "en").purpose("reset-credentials").code("48213907");
        String html = email.render("html");
        assertThat(html).doesNotContain("<img").doesNotContain("<link").doesNotContain("<style").doesNotContain("url(")
                .doesNotContain("<script");
    }

    @Test
    void everySubjectFormatsWithTheRealmName() {
        for (String locale : ThemeResourceFiles.LOCALES) {
            Properties messages = BASE.messages(locale);
            for (String purpose : PURPOSES) {
                String subject = format(messages, "unify-code-subject-" + purpose, locale, "Acme Oy");
                assertThat(subject).as("subject of %s in %s", purpose, locale).contains("Acme Oy").doesNotContain("{");
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private static Theme unifyOrBase() {
        return ThemeResourceFiles.unifyTheme("email") != null ? unify() : BASE;
    }

    private static String lifetimeOf(Map<String, Object> lifetime) {
        Email email = new Email(BASE, "en").purpose("activation").code("48213907");
        email.attributes.putAll(lifetime);
        return KeycloakFreemarker.visibleText(email.render("html"));
    }

    /** The contents of every #unify-code-value element. */
    private static List<String> codeElements(String html) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("(?s)<[a-z]+ id=\"unify-code-value\"[^>]*>(.*?)</[a-z]+>").matcher(html);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String element(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("%s in the email", regex).isTrue();
        return matcher.group();
    }

    private static String format(Properties messages, String key, String locale, Object... arguments) {
        assertThat(messages.getProperty(key)).as("message %s", key).isNotNull();
        return KeycloakFreemarker.format(messages.getProperty(key), locale, arguments);
    }

    /** The attributes the authenticator passes plus those FreeMarkerEmailTemplateProvider adds. */
    static final class Email {
        final Theme theme;
        final String locale;
        final Map<String, Object> attributes = new HashMap<>();
        Msg msg;

        Email(Theme theme, String locale) {
            this.theme = theme;
            this.locale = locale;
            attributes.put("realmName", "Acme Oy");
            attributes.put("user", Map.of("username", "anna", "firstName", "Anna", "email", "anna@example.com"));
        }

        Email purpose(String purpose) {
            attributes.put("purpose", purpose);
            return this;
        }

        Email code(Object code) {
            attributes.put("code", code);
            return this;
        }

        String render(String format) {
            Locale javaLocale = Locale.forLanguageTag(locale);
            msg = new Msg(theme.messages(locale), javaLocale);
            Map<String, Object> model = new HashMap<>(attributes);
            model.put("locale", javaLocale);
            model.put("ltr", true);
            model.put("msg", msg);
            model.put("properties", theme.properties());
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            return KeycloakFreemarker.render(theme, format + "/unify-code.ftl", model);
        }
    }
}
