package eu.unify.keycloak.activation.theme;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
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
        return new Theme("unify", Source.unify("email"), Source.stock("theme/base/email"));
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

    static List<Arguments> welcomeEmailsInEveryThemeAndLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String theme : List.of("base", "unify")) {
            for (String purpose : List.of("account-link", "activation-in-message")) {
                for (String locale : ThemeResourceFiles.LOCALES) {
                    arguments.add(Arguments.of(theme, purpose, locale));
                }
            }
        }
        return arguments;
    }

    @ParameterizedTest(name = "{1} in {0}, {2}")
    @MethodSource("welcomeEmailsInEveryThemeAndLanguage")
    void welcomeEmailListsTheServicesAndCustomerNumbersInBothParts(String themeName, String purpose, String locale) {
        Theme theme = theme(themeName);
        Email email = new Email(theme, locale).purpose(purpose).code("K7Q2-9XMD-4TPA-R3")
                .access(List.of("Verkkokauppa", "Laskut"), List.of("100234", "FI-4411"));
        Properties messages = theme.messages(locale);
        String servicesHeading = format(messages, "unify-code-email-services", locale);
        String numbersHeading = format(messages, "unify-code-email-customer-numbers", locale);

        String html = email.render("html");
        assertThat(email.msg.missing).noneMatch(key -> key.startsWith("unify"));
        assertThat(listItems(html, "unify-services")).containsExactly("Verkkokauppa", "Laskut");
        assertThat(listItems(html, "unify-customer-numbers")).containsExactly("100234", "FI-4411");
        assertThat(KeycloakFreemarker.visibleText(html)).contains(servicesHeading).contains(numbersHeading);
        assertThat(html.indexOf("unify-services")).as("services before the notes at the end")
                .isLessThan(html.indexOf(format(messages, "unify-code-email-newest", locale)));

        String plain = email.render("text");
        assertThat(plain).contains(servicesHeading + "\n  - Verkkokauppa\n  - Laskut\n")
                .contains(numbersHeading + "\n  - 100234\n  - FI-4411\n");
        assertThat(plain.split("\\R\\R\\R")).as("no runs of blank lines").hasSize(1);
    }

    @Test
    void aWelcomeEmailWithoutServicesOrCustomerNumbersHasNoListHeadings() {
        Properties messages = BASE.messages("en");
        String servicesHeading = format(messages, "unify-code-email-services", "en");
        String numbersHeading = format(messages, "unify-code-email-customer-numbers", "en");
        for (Email email : List.of(
                new Email(BASE, "en").purpose("account-link").code("K7Q2-9XMD-4TPA-R3"),
                new Email(BASE, "en").purpose("account-link").code("K7Q2-9XMD-4TPA-R3").access(List.of(), List.of()))) {
            for (String format : List.of("html", "text")) {
                String rendered = email.render(format);
                assertThat(rendered).doesNotContain(servicesHeading).doesNotContain(numbersHeading)
                        .doesNotContain("<ul").doesNotContain("  - ");
                if (format.equals("text")) {
                    assertThat(rendered.split("\\R\\R\\R")).as("no runs of blank lines").hasSize(1);
                }
            }
        }

        Email numbersOnly = new Email(BASE, "en").purpose("activation-in-message").code("K7Q2-9XMD-4TPA-R3")
                .access(List.of(), List.of("200100"));
        assertThat(numbersOnly.render("html")).doesNotContain(servicesHeading).contains(numbersHeading)
                .doesNotContain("unify-services");
        assertThat(numbersOnly.render("text")).doesNotContain(servicesHeading).contains(numbersHeading + "\n  - 200100");
    }

    @Test
    void serviceNamesAreTextNotMarkupAndOnlyTextsAreListed() {
        Email email = new Email(BASE, "en").purpose("account-link").code("K7Q2-9XMD-4TPA-R3")
                .access(List.of("<b>Shop</b> & more", " ", "Invoices"), List.of("100234"));
        String html = email.render("html");
        assertThat(listItems(html, "unify-services")).containsExactly("&lt;b&gt;Shop&lt;/b&gt; &amp; more", "Invoices");
        assertThat(html).doesNotContain("<b>Shop");
        assertThat(email.render("text")).contains("  - <b>Shop</b> & more\n  - Invoices\n");

        Email odd = new Email(BASE, "en").purpose("account-link").code("K7Q2-9XMD-4TPA-R3");
        odd.attributes.put("services", "not a list");
        odd.attributes.put("customerNumbers", List.of(42));
        assertThat(odd.render("html")).doesNotContain("<ul");
        assertThat(odd.render("text")).doesNotContain("  - ");
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
        Email email = new Email(unify(), "en").purpose("reset-credentials").code("48213907");
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

    /** The contents of the {@code <li>} of the list with this id, in order. */
    private static List<String> listItems(String html, String id) {
        Matcher list = Pattern.compile("(?s)<ul id=\"" + id + "\"[^>]*>(.*?)</ul>").matcher(html);
        assertThat(list.find()).as("#%s in the email", id).isTrue();
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("(?s)<li>(.*?)</li>").matcher(list.group(1));
        while (item.find()) {
            items.add(item.group(1).trim());
        }
        return items;
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

        Email access(List<String> services, List<String> customerNumbers) {
            attributes.put("services", services);
            attributes.put("customerNumbers", customerNumbers);
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
