package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.params.provider.ValueSource;


import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;

/**
 * Renders Keycloak's own login pages (keycloak.v2 and base templates of the Keycloak version in the
 * build) through the Unify template.ftl and footer.ftl, with beans like the ones Keycloak passes,
 * in every language, and checks what a user sees: the brand, the texts in their language, and no
 * English where a translation exists.
 */
class LoginPagesRenderingTest {

    private static final Theme THEME = new Theme("unify", Source.unify("login"), Source.stock("theme/keycloak.v2/login"),
            Source.stock("theme/base/login"));

    private static final List<String> PAGES = List.of(
            "login.ftl", "login-update-password.ftl", "login-reset-password.ftl", "login-otp.ftl", "error.ftl", "info.ftl");

    static List<Arguments> pagesInEveryLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String page : PAGES) {
            for (String locale : ThemeFiles.LOCALES) {
                arguments.add(Arguments.of(page, locale));
            }
        }
        return arguments;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInEveryLanguage")
    void everyPageShowsLogoTaglineAndHelpInTheUsersLanguage(String page, String locale) {
        String html = render(page, locale, true);
        Properties messages = THEME.messages(locale);

        assertThat(html).containsPattern("<html class=\"login-pf\" lang=\"" + locale + "\"");
        String logo = element(html, "<img id=\"unify-logo\"[^>]*>");
        assertThat(KeycloakFreemarker.unescape(logo))
                .contains("alt=\"" + messages.getProperty("unifyLogoAlt") + "\"")
                .contains("src=\"/resources/abc12/login/unify/img/unify-logo.svg\"");
        assertThat(text(html, "<p id=\"unify-tagline\"[^>]*>(.*?)</p>"))
                .isEqualTo(messages.getProperty("unifyTagline"));
        assertThat(text(html, "<p id=\"unify-help-footer\"[^>]*>(.*?)</p>"))
                .isEqualTo(format(messages.getProperty("unifyHelpFooter"), locale));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "de", "sl"})
    void noEnglishTextOnThePages(String locale) {
        Properties english = THEME.messages("en");
        Properties own = THEME.ownMessages(locale);
        List<String> leaks = new ArrayList<>();
        for (String page : PAGES) {
            String html = KeycloakFreemarker.unescape(render(page, locale, true));
            for (String key : english.stringPropertyNames()) {
                String en = format(english.getProperty(key), "en").trim();
                // Keycloak falls back to English for a key the language lacks; a text the language
                // has, even if spelt the same (FreeOTP), is not a leak. Single words are too
                // ambiguous to look for in a page.
                boolean translated = own.containsKey(key) && !format(own.getProperty(key), locale).trim().equals(en);
                boolean sameWord = own.containsKey(key);
                if (!translated && !sameWord && en.split("\\s+").length >= 2 && !en.contains("{") && html.contains(en)) {
                    leaks.add(page + ": " + key + " = \"" + en + "\"");
                }
                if (translated && en.split("\\s+").length >= 2 && !en.contains("{") && html.contains(en)) {
                    leaks.add(page + ": " + key + " = \"" + en + "\" although " + locale + " has its own text");
                }
            }
        }
        assertThat(leaks).as("English texts on %s pages", locale).isEmpty();
    }

    @Test
    void stylesheetsComeInOrderAfterPatternFly() {
        String html = render("login.ftl", "en", true);
        List<String> links = new ArrayList<>();
        Matcher matcher = Pattern.compile("<link href=\"([^\"]+\\.css)\" rel=\"stylesheet\"").matcher(html);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        assertThat(links).containsExactly(
                "/resources/abc12/common/keycloak/vendor/patternfly-v5/patternfly.min.css",
                "/resources/abc12/common/keycloak/vendor/patternfly-v5/patternfly-addons.css",
                "/resources/abc12/login/unify/css/styles.css",
                "/resources/abc12/login/unify/css/unify-brand.css",
                "/resources/abc12/login/unify/css/unify.css");
    }

    @Test
    void languageSwitcherOffersTheFourLanguages() {
        String html = render("login.ftl", "sl", true);
        String select = element(html, "(?s)<select[^>]*id=\"login-select-toggle\".*?</select>");
        assertThat(select).contains("Deutsch", "English", "Slovenščina", "Suomi");
        assertThat(select).containsPattern("(?s)<option\\s+value=\"[^\"]*kc_locale=sl\"\\s+selected\\s*>\\s*Slovenščina");
    }

    @Test
    void withoutInternationalisationThePageIsEnglishWithoutASwitcher() {
        String html = render("login.ftl", "en", false);
        assertThat(html).containsPattern("<html class=\"login-pf\" lang=\"en\">");
        assertThat(html).doesNotContain("login-select-toggle");
        assertThat(html).contains("id=\"unify-logo\"", "id=\"unify-tagline\"", "id=\"unify-help-footer\"");
    }

    @Test
    void darkModeIsOffSoThePaletteStaysTheCheckedOne() {
        String html = render("login.ftl", "en", true);
        assertThat(html).contains("<meta name=\"color-scheme\" content=\"light\">").doesNotContain("pf-v5-theme-dark");
    }

    // ------------------------------------------------------------------------------------------

    /** Renders a page with beans shaped like FreeMarkerLoginFormsProvider's. */
    static String render(String page, String locale, boolean internationalization) {
        Properties properties = THEME.properties();
        Properties messages = THEME.messages(locale);
        Locale javaLocale = Locale.forLanguageTag(locale);

        Map<String, Object> model = new HashMap<>();
        model.put("properties", properties);
        model.put("msg", new Msg(messages, javaLocale));
        model.put("advancedMsg", new Msg(messages, javaLocale));
        model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
        model.put("lang", internationalization ? locale : "en");
        model.put("darkMode", "true".equals(properties.getProperty("darkMode")));
        model.put("pageId", page.replace(".ftl", ""));
        model.put("title", "Unify");

        Map<String, Object> url = new HashMap<>();
        url.put("resourcesPath", "/resources/abc12/login/unify");
        url.put("resourcesCommonPath", "/resources/abc12/common/keycloak");
        url.put("loginAction", "/realms/unify/login-actions/authenticate?session_code=x");
        url.put("loginResetCredentialsUrl", "/realms/unify/login-actions/reset-credentials");
        url.put("loginRestartFlowUrl", "/realms/unify/login-actions/restart");
        url.put("loginUrl", "/realms/unify/protocol/openid-connect/auth");
        url.put("registrationUrl", "/realms/unify/login-actions/registration");
        url.put("ssoLoginInOtherTabsUrl", "/realms/unify/login-actions/switch");
        model.put("url", url);

        Map<String, Object> realm = new HashMap<>();
        realm.put("name", "unify");
        realm.put("displayName", "Unify");
        realm.put("displayNameHtml", "Unify");
        realm.put("internationalizationEnabled", internationalization);
        realm.put("password", true);
        realm.put("registrationAllowed", false);
        realm.put("loginWithEmailAllowed", true);
        realm.put("registrationEmailAsUsername", false);
        realm.put("resetPasswordAllowed", true);
        realm.put("rememberMe", true);
        realm.put("duplicateEmailsAllowed", false);
        model.put("realm", realm);

        if (internationalization) {
            Map<String, Object> localeBean = new HashMap<>();
            localeBean.put("currentLanguageTag", locale);
            localeBean.put("current", Locale.forLanguageTag(locale).getDisplayLanguage(javaLocale));
            localeBean.put("rtl", false);
            List<Map<String, Object>> supported = new ArrayList<>();
            for (String tag : ThemeFiles.LOCALES) {
                Map<String, Object> entry = new LinkedHashMap<>();
                Locale language = Locale.forLanguageTag(tag);
                String label = language.getDisplayLanguage(language);
                entry.put("languageTag", tag);
                entry.put("label", label.substring(0, 1).toUpperCase(language) + label.substring(1));
                entry.put("url", "/realms/unify/login-actions/authenticate?kc_locale=" + tag);
                supported.add(entry);
            }
            localeBean.put("supported", supported);
            model.put("locale", localeBean);
        }

        Map<String, Object> auth = new HashMap<>();
        auth.put("showUsername", KeycloakFreemarker.constant(false));
        auth.put("showResetCredentials", KeycloakFreemarker.constant(false));
        auth.put("showTryAnotherWayLink", KeycloakFreemarker.constant(false));
        auth.put("attemptedUsername", "anna");
        model.put("auth", auth);

        Map<String, Object> messagesPerField = new HashMap<>();
        messagesPerField.put("existsError", KeycloakFreemarker.constant(false));
        messagesPerField.put("exists", KeycloakFreemarker.constant(false));
        messagesPerField.put("get", KeycloakFreemarker.constant(""));
        messagesPerField.put("getFirstError", KeycloakFreemarker.constant(""));
        messagesPerField.put("printIfExists", KeycloakFreemarker.constant(""));
        model.put("messagesPerField", messagesPerField);

        model.put("login", Map.of("username", ""));
        model.put("passwordPolicies", Map.of("length", 12, "digits", 1));
        model.put("social", Map.of("providers", List.of()));

        Map<String, Object> otpLogin = new HashMap<>();
        otpLogin.put("userOtpCredentials", List.of(
                Map.of("id", "c1", "userLabel", "Phone"), Map.of("id", "c2", "userLabel", "Tablet")));
        otpLogin.put("selectedCredentialId", "c1");
        model.put("otpLogin", otpLogin);

        if (page.equals("error.ftl") || page.equals("info.ftl")) {
            String summary = page.equals("error.ftl")
                    ? messages.getProperty("cookieNotFoundMessage")
                    : messages.getProperty("emailVerifyInstruction1", "Info");
            model.put("message", Map.of("type", page.equals("error.ftl") ? "error" : "info", "summary", summary));
            model.put("client", Map.of("baseUrl", "https://app.example.org/"));
        }
        if (page.equals("error.ftl")) {
            model.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        }
        if (page.equals("info.ftl")) {
            model.put("requiredActions", List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP", "CONFIGURE_RECOVERY_AUTHN_CODES"));
            model.put("actionUri", "/realms/unify/login-actions/action-token?key=x");
        }
        return KeycloakFreemarker.render(THEME, page, model);
    }

    private static String element(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return matcher.group();
    }

    private static String text(String html, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("%s in the page", regex).isTrue();
        return KeycloakFreemarker.unescape(matcher.group(1).trim());
    }

    private static String format(String message, String locale) {
        try {
            return new MessageFormat(message, Locale.forLanguageTag(locale)).format(new Object[0]);
        } catch (IllegalArgumentException e) {
            return message;
        }
    }
}
