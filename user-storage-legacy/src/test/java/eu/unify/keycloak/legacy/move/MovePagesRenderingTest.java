package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.theme.beans.MessageFormatterMethod;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.LoginPageModel;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/**
 * Renders the move's pages (unify-legacy-move.ftl, unify-legacy-move-info.ftl) inside Keycloak's stock login themes
 * and the Unify theme, and the generated-password email in the base and Unify email themes, in every language:
 * labels tied to their fields, errors tied to theirs, nothing left untranslated.
 */
class MovePagesRenderingTest {

    static final String LOGIN_ACTION = "/realms/acme/login-actions/required-action?session_code=s1&execution=x&tab_id=t1";

    static Theme loginTheme(String name) {
        return switch (name) {
            case "keycloak.v2" -> new Theme(name, Source.stock("theme/keycloak.v2/login"), Source.stock("theme/base/login"));
            case "keycloak" -> new Theme(name, Source.stock("theme/keycloak/login"), Source.stock("theme/base/login"));
            default -> new Theme("unify", Source.unify("login"), Source.stock("theme/keycloak.v2/login"),
                    Source.stock("theme/base/login"));
        };
    }

    static Theme emailTheme(String name) {
        if (name.equals("base")) {
            return new Theme(name, Source.stock("theme/base/email"));
        }
        return new Theme("unify", Source.unify("email"), Source.stock("theme/base/email"));
    }

    static List<Arguments> loginThemesAndLanguages() {
        return ThemeResourceFiles.inEveryLanguage(ThemeResourceFiles.LOGIN_THEMES);
    }

    static List<Arguments> emailThemesAndLanguages() {
        return ThemeResourceFiles.inEveryLanguage(ThemeResourceFiles.EMAIL_THEMES);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("loginThemesAndLanguages")
    void moveFormListsEveryAccountWithLabelledFieldsAndErrors(String themeName, String locale) {
        Theme theme = loginTheme(themeName);
        Properties messages = theme.messages(locale);
        Map<String, Object> move = new HashMap<>();
        move.put("accounts", List.of(
                account(0, "Haupt", "Hanna Haupt", true, "info@example.com", false, ""),
                account(1, "Vertrieb", "", false, "info+vertrieb@example.com", true, ""),
                account(2, "Lager<1>", "", false, "lager(at)example.com", false, MoveRules.INVALID)));
        move.put("mainAccount", "Haupt");
        move.put("mandatory", false);
        move.put("deadline", "31. März 2026");
        Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
        String html = render(theme, "unify-legacy-move.ftl", Map.of("unifyMove", move), msg, locale);

        assertThat(msg.missing).noneMatch(key -> key.startsWith("unify"));
        String text = KeycloakFreemarker.visibleText(html);
        assertThat(text).doesNotContain("???").doesNotContain("unify-legacy-")
                .contains(format(messages, "unify-legacy-move-optional-until", locale, "31. März 2026"))
                .contains(format(messages, "unify-legacy-move-main-badge", locale));
        assertThat(KeycloakFreemarker.unescape(element(html, "<form[^>]*id=\"unify-legacy-move-form\"[^>]*>")))
                .contains("action=\"" + LOGIN_ACTION + "\"", "method=\"post\"", "novalidate");
        for (int i = 0; i < 3; i++) {
            String input = element(html, "<input[^>]*id=\"email-" + i + "\"[^>]*>");
            assertThat(input).contains("name=\"email-" + i + "\"", "type=\"email\"",
                    "aria-describedby=\"email-" + i + "-hint email-" + i + "-error\"");
            assertThat(html).contains("<label for=\"email-" + i + "\"");
            assertThat(html).contains("name=\"account-" + i + "\"");
        }
        assertThat(element(html, "<input[^>]*id=\"email-2\"[^>]*>")).contains("aria-invalid=\"true\"");
        assertThat(element(html, "<input[^>]*id=\"email-0\"[^>]*>")).doesNotContain("aria-invalid")
                .contains("autocomplete=\"email\"");
        assertThat(text(html, "<div id=\"email-2-error\"[^>]*>(.*?)</div>"))
                .isEqualTo(format(messages, MoveRules.INVALID, locale));
        assertThat(html).as("escaped").contains("Lager&lt;1&gt;").doesNotContain("Lager<1>");
        // The main account has no forward box; the sub-account's is labelled and keeps its state.
        assertThat(html).doesNotContain("id=\"forward-0\"").contains("<label for=\"forward-1\"");
        assertThat(element(html, "<input[^>]*id=\"forward-1\"[^>]*>")).contains("checked");
        assertThat(element(html, "<input[^>]*id=\"forward-2\"[^>]*>")).doesNotContain("checked");
        assertThat(html).contains("id=\"unify-legacy-move-later\"");
        assertThat(html.indexOf("id=\"unify-legacy-move-submit\"")).isLessThan(html.indexOf("id=\"unify-legacy-move-later\""));
        assertThat(KeycloakFreemarker.unescape(element(html, "<form[^>]*id=\"unify-legacy-move-form\"[^>]*>")))
                .contains("data-msg-duplicate=\"" + format(messages, MoveRules.DUPLICATE, locale) + "\"");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("loginThemesAndLanguages")
    void afterTheDeadlineThereIsNoLater(String themeName, String locale) {
        Theme theme = loginTheme(themeName);
        Properties messages = theme.messages(locale);
        Map<String, Object> move = new HashMap<>();
        move.put("accounts", List.of(account(0, "Haupt", "", true, "", false, MoveRules.REQUIRED)));
        move.put("mainAccount", "Haupt");
        move.put("mandatory", true);
        move.put("deadline", "");
        Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
        String html = render(theme, "unify-legacy-move.ftl", Map.of("unifyMove", move), msg, locale);
        assertThat(html).doesNotContain("unify-legacy-move-later");
        assertThat(KeycloakFreemarker.visibleText(html)).contains(format(messages, "unify-legacy-move-mandatory", locale))
                .contains(format(messages, MoveRules.REQUIRED, locale));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("loginThemesAndLanguages")
    void subAccountIsToldWhichMainAccountMoves(String themeName, String locale) {
        Theme theme = loginTheme(themeName);
        Properties messages = theme.messages(locale);
        Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
        String html = render(theme, "unify-legacy-move-info.ftl",
                Map.of("unifyMoveInfo", Map.of("kind", "sub-account", "mainAccount", "maria_Haupt")), msg, locale);
        assertThat(msg.missing).noneMatch(key -> key.startsWith("unify"));
        assertThat(text(html, "<p id=\"unify-legacy-move-info-text\">(.*?)</p>"))
                .isEqualTo(format(messages, "unify-legacy-move-info-sub", locale, "maria_Haupt"));
        assertThat(element(html, "(?s)<button[^>]*id=\"unify-legacy-move-continue\"[^>]*>")).contains("name=\"continue\"");

        Msg unavailableMsg = new Msg(messages, Locale.forLanguageTag(locale));
        String unavailable = render(theme, "unify-legacy-move-info.ftl",
                Map.of("unifyMoveInfo", Map.of("kind", "unavailable", "laterAllowed", false)), unavailableMsg, locale);
        assertThat(unavailableMsg.missing).noneMatch(key -> key.startsWith("unify"));
        assertThat(KeycloakFreemarker.visibleText(unavailable)).contains(format(messages, "unify-legacy-unavailable", locale));
        assertThat(unavailable).contains("id=\"unify-legacy-move-retry\"").doesNotContain("unify-legacy-move-later");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("emailThemesAndLanguages")
    void passwordEmailShowsTheNewUsernameAndThePassword(String themeName, String locale) {
        Theme theme = emailTheme(themeName);
        Properties messages = theme.messages(locale);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("realmName", "Acme Oy");
        attributes.put("username", "info+vertrieb@example.com");
        attributes.put("legacyUsername", "Vertrieb");
        attributes.put("password", "Ab3-xY7#kLm9Pq2!");
        attributes.put("user", Map.of("firstName", "Veit", "email", "info+vertrieb@example.com"));
        for (String format : List.of("html", "text")) {
            Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
            Map<String, Object> model = new HashMap<>(attributes);
            model.put("locale", Locale.forLanguageTag(locale));
            model.put("ltr", true);
            model.put("msg", msg);
            model.put("properties", theme.properties());
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            String mail = KeycloakFreemarker.render(theme, format + "/unify-legacy-password.ftl", model);
            assertThat(msg.missing).noneMatch(key -> key.startsWith("unify"));
            String text = format.equals("html") ? KeycloakFreemarker.visibleText(mail) : mail;
            assertThat(text).contains(format(messages, "unify-legacy-password-greeting", locale, "Veit"))
                    .contains(format(messages, "unify-legacy-password-intro", locale, "Acme Oy", "Vertrieb"))
                    .contains("info+vertrieb@example.com").contains(format(messages, "unify-legacy-password-change", locale))
                    .doesNotContain("unify-legacy-");
            if (format.equals("html")) {
                assertThat(text(mail, "<span id=\"unify-legacy-password-value\"[^>]*>(.*?)</span>"))
                        .isEqualTo("Ab3-xY7#kLm9Pq2!");
            } else {
                assertThat(mail.lines().map(String::trim).toList()).contains("Ab3-xY7#kLm9Pq2!");
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("emailThemesAndLanguages")
    void signInNameEmailShowsTheNewUsernameAndKeepsThePassword(String themeName, String locale) {
        Theme theme = emailTheme(themeName);
        Properties messages = theme.messages(locale);
        for (String format : List.of("html", "text")) {
            Msg msg = new Msg(messages, Locale.forLanguageTag(locale));
            Map<String, Object> model = new HashMap<>();
            model.put("realmName", "Acme Oy");
            model.put("username", "info+lager@example.com");
            model.put("legacyUsername", "Lager");
            model.put("user", Map.of("firstName", "Lea", "email", "info+lager@example.com"));
            model.put("locale", Locale.forLanguageTag(locale));
            model.put("ltr", true);
            model.put("msg", msg);
            model.put("properties", theme.properties());
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            String mail = KeycloakFreemarker.render(theme, format + "/unify-legacy-sign-in-name.ftl", model);
            assertThat(msg.missing).noneMatch(key -> key.startsWith("unify"));
            String text = format.equals("html") ? KeycloakFreemarker.visibleText(mail) : mail;
            assertThat(text).contains(format(messages, "unify-legacy-password-greeting", locale, "Lea"))
                    .contains(format(messages, "unify-legacy-password-intro", locale, "Acme Oy", "Lager"))
                    .contains("info+lager@example.com")
                    .contains(format(messages, "unify-legacy-sign-in-name-password", locale))
                    .doesNotContain(format(messages, "unify-legacy-password-password", locale, ""))
                    .doesNotContain("unify-legacy-");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"${7*7}", "${loginTitle}", "{0} '' '", "x\u001E1\u001Fy"})
    void namesAreShownAsTheyAreWrittenWithKeycloaksOwnMsg(String trick) {
        // Keycloak's MessageFormatterMethod resolves ${key} in arguments; names and usernames must not pass through it.
        Theme email = emailTheme("base");
        Properties messages = email.messages("de");
        MessageFormatterMethod keycloakMsg = new MessageFormatterMethod(Locale.GERMAN, messages);
        String first = "Veit " + trick;
        String legacy = "Vertrieb " + trick;
        for (String format : List.of("html", "text")) {
            Map<String, Object> model = new HashMap<>();
            model.put("realmName", "Acme " + trick);
            model.put("username", "info@example.com");
            model.put("legacyUsername", legacy);
            model.put("password", "Ab3-xY7#kLm9Pq2!");
            model.put("user", Map.of("firstName", first, "email", "info@example.com"));
            model.put("locale", Locale.GERMAN);
            model.put("ltr", true);
            model.put("msg", keycloakMsg);
            model.put("properties", email.properties());
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            String mail = KeycloakFreemarker.render(email, format + "/unify-legacy-password.ftl", model);
            String text = format.equals("html") ? KeycloakFreemarker.visibleText(mail) : mail;
            assertThat(text).as(format).contains(format(messages, "unify-legacy-password-greeting", "de", first))
                    .contains(format(messages, "unify-legacy-password-intro", "de", "Acme " + trick, legacy));
        }
        Theme login = loginTheme("keycloak.v2");
        Properties loginMessages = login.messages("de");
        String html = render(login, "unify-legacy-move-info.ftl", Map.of("unifyMoveInfo",
                Map.of("kind", "sub-account", "mainAccount", legacy)),
                new MessageFormatterMethod(Locale.GERMAN, loginMessages), "de");
        assertThat(KeycloakFreemarker.visibleText(html))
                .contains(format(loginMessages, "unify-legacy-move-info-sub", "de", legacy));
    }

    private static Map<String, Object> account(int index, String legacyUsername, String displayName, boolean main,
                                               String email, boolean forward, String error) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("index", index);
        account.put("legacyUsername", legacyUsername);
        account.put("displayName", displayName);
        account.put("main", main);
        account.put("email", email);
        account.put("forward", forward);
        account.put("error", error);
        return account;
    }

    private static String render(Theme theme, String template, Map<String, Object> attributes,
            freemarker.template.TemplateMethodModelEx msg, String locale) {
        Properties properties = theme.properties();
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("properties", properties);
        model.put("msg", msg);
        model.put("advancedMsg", msg);
        model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
        model.put("lang", locale);
        model.put("darkMode", "true".equals(properties.getProperty("darkMode")));
        model.put("pageId", "unify-legacy-move");
        model.put("title", "Acme");
        model.put("url", LoginPageModel.url(theme.name, LOGIN_ACTION, "/realms/acme/protocol/openid-connect/auth?client_id=portal"));
        model.put("realm", LoginPageModel.realm());
        model.put("locale", LoginPageModel.locale(locale, "/realms/acme/login-actions/required-action"));
        Map<String, Object> auth = new HashMap<>();
        auth.put("showUsername", KeycloakFreemarker.constant(false));
        auth.put("showResetCredentials", KeycloakFreemarker.constant(false));
        auth.put("showTryAnotherWayLink", KeycloakFreemarker.constant(false));
        auth.put("attemptedUsername", "haupt");
        model.put("auth", auth);
        Map<String, Object> messagesPerField = new HashMap<>();
        messagesPerField.put("existsError", KeycloakFreemarker.constant(false));
        messagesPerField.put("exists", KeycloakFreemarker.constant(false));
        messagesPerField.put("get", KeycloakFreemarker.constant(""));
        messagesPerField.put("getFirstError", KeycloakFreemarker.constant(""));
        messagesPerField.put("printIfExists", KeycloakFreemarker.constant(""));
        model.put("messagesPerField", messagesPerField);
        return KeycloakFreemarker.render(theme, template, model);
    }

    private static String format(Properties messages, String key, String locale, Object... arguments) {
        return KeycloakFreemarker.format(messages.getProperty(key), locale, arguments);
    }

    static String element(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return matcher.group();
    }

    static String text(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return KeycloakFreemarker.visibleText(matcher.group(1));
    }
}
