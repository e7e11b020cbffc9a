package eu.unify.keycloak.activation.theme;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.LoginPageModel;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;
import freemarker.template.TemplateMethodModelEx;
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
 * Renders unify-code.ftl inside the layouts of Keycloak's stock login themes (keycloak.v2, and "keycloak",
 * which uses base's templates) and of the Unify theme, with beans shaped like FreeMarkerLoginFormsProvider's,
 * in every language, and checks what the user gets: the form, the resend button and its countdown, the
 * help, the texts of the page's language and no message key left unresolved.
 */
class CodePageRenderingTest {

    static final String LOGIN_ACTION = "/realms/acme/login-actions/authenticate?session_code=s1&execution=e1&tab_id=t1";
    static final String LOGIN_URL = "/realms/acme/protocol/openid-connect/auth?client_id=portal";

    static final Theme KEYCLOAK_V2 = new Theme("keycloak.v2",
            Source.stock("theme/keycloak.v2/login"), Source.stock("theme/base/login"));
    static final Theme KEYCLOAK = new Theme("keycloak",
            Source.stock("theme/keycloak/login"), Source.stock("theme/base/login"));

    /** The Unify theme of the theme module (the unify-theme test dependency). */
    static Theme unify() {
        return new Theme("unify", Source.unify("login"),
                Source.stock("theme/keycloak.v2/login"), Source.stock("theme/base/login"));
    }

    static Theme theme(String name) {
        return switch (name) {
            case "keycloak.v2" -> KEYCLOAK_V2;
            case "keycloak" -> KEYCLOAK;
            case "unify" -> unify();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The four pages: purpose and the kind of code it takes. */
    static final List<String[]> PAGES = List.of(
            new String[] {"reset-credentials", "session"},
            new String[] {"activation", "session"},
            new String[] {"account-link", "account"},
            new String[] {"activation-in-message", "account"});

    static List<Arguments> pagesInEveryThemeAndLanguage() {
        List<Arguments> arguments = new ArrayList<>();
        for (String theme : List.of("keycloak.v2", "keycloak", "unify")) {
            for (String[] page : PAGES) {
                for (String locale : ThemeResourceFiles.LOCALES) {
                    arguments.add(Arguments.of(theme, page[0], page[1], locale));
                }
            }
        }
        return arguments;
    }

    // ------------------------------------------------------------------------------------------
    // Every page, theme and language
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1} ({2}) in {0}, {3}")
    @MethodSource("pagesInEveryThemeAndLanguage")
    void pageHasTheFormHelpAndTextsOfItsLanguage(String themeName, String purpose, String kind, String locale) {
        Theme theme = theme(themeName);
        Page page = new Page(theme, locale).purpose(purpose).kind(kind)
                .length(kind.equals("account") ? 14 : 8)
                .maskedEmail(kind.equals("account") ? null : "a***@example.com")
                .expiresInMinutes(kind.equals("account") ? null : 10)
                .resend(kind.equals("session"), 45);
        String html = page.render();
        Properties messages = theme.messages(locale);

        // No message missing, no key or ??? on the page.
        assertThat(page.msg.missing).as("unify-code-* keys without a message").noneMatch(key -> key.startsWith("unify"));
        String text = KeycloakFreemarker.visibleText(html);
        assertThat(text).doesNotContain("???").doesNotContain("unify-code-");
        assertThat(html).doesNotContain("data-unify-label=\"unify-code-");

        // Heading and instruction in the page's language.
        assertThat(text(html, "<h1[^>]*id=\"kc-page-title\"[^>]*>(.*?)</h1>"))
                .isEqualTo(format(messages, "unify-code-title-" + purpose, locale));
        String instruction = text(html, "<p id=\"unify-code-instruction\"[^>]*>(.*?)</p>");
        if (kind.equals("session")) {
            assertThat(instruction)
                    .isEqualTo(format(messages, "unify-code-instruction-" + purpose + "-email", locale, "a***@example.com")
                            + " " + format(messages, "unify-code-valid-minutes", locale, 10));
        } else {
            assertThat(instruction).isEqualTo(format(messages, "unify-code-instruction-" + purpose, locale));
        }

        // The form posts the field "code" to the login action.
        String form = element(html, "<form[^>]*id=\"unify-code-form\"[^>]*>");
        assertThat(KeycloakFreemarker.unescape(form)).contains("action=\"" + LOGIN_ACTION + "\"").contains("method=\"post\"");
        String input = element(html, "<input[^>]*id=\"code\"[^>]*>");
        assertThat(input).contains("name=\"code\"", "type=\"text\"", "autocomplete=\"one-time-code\"", "autofocus",
                "aria-describedby=\"unify-code-instruction unify-code-hint\"");
        assertThat(input).doesNotContain("aria-invalid");
        if (kind.equals("session")) {
            assertThat(input).contains("inputmode=\"numeric\"");
        } else {
            assertThat(input).doesNotContain("inputmode").contains("autocapitalize=\"characters\"");
        }
        assertThat(count(html, "<input[^>]*name=\"code\"")).isEqualTo(1);
        assertThat(text(html, "<label for=\"code\"[^>]*>(.*?)</label>"))
                .isEqualTo(format(messages, kind.equals("account") ? "unify-code-label-account" : "unify-code-label", locale));
        assertThat(text(html, "<div id=\"unify-code-hint\"[^>]*>(.*?)</span>"))
                .isEqualTo(format(messages, "unify-code-hint-" + kind, locale, kind.equals("account") ? 14 : 8));

        // The code is submitted with the primary button, which comes first so that Enter submits the code.
        String submit = element(html, "(?s)<button[^>]*id=\"unify-code-submit\"[^>]*>.*?</button>");
        assertThat(submit).contains("name=\"submit\"", "type=\"submit\"");
        assertThat(KeycloakFreemarker.visibleText(submit)).isEqualTo(format(messages, "unify-code-submit", locale));
        if (html.contains("id=\"unify-code-resend\"")) {
            assertThat(html.indexOf("id=\"unify-code-submit\"")).isLessThan(html.indexOf("id=\"unify-code-resend\""));
        }

        // Session codes can be sent again (here in 45 s); account codes cannot.
        if (kind.equals("session")) {
            String resend = element(html, "(?s)<button[^>]*id=\"unify-code-resend\"[^>]*>.*?</button>");
            assertThat(resend).contains("name=\"resend\"", "value=\"true\"", "formnovalidate", " disabled");
            assertThat(KeycloakFreemarker.visibleText(resend)).isEqualTo(format(messages, "unify-code-resend-in", locale, 45));
        } else {
            assertThat(html).doesNotContain("unify-code-resend").doesNotContain("<script>\n            (function");
        }

        // Back to sign-in, on the reset page only.
        if (purpose.equals("reset-credentials")) {
            String back = element(html, "(?s)<a[^>]*id=\"unify-code-back-to-login\"[^>]*>.*?</a>");
            assertThat(KeycloakFreemarker.unescape(back)).contains("href=\"" + LOGIN_URL + "\"");
            assertThat(KeycloakFreemarker.visibleText(back)).isEqualTo(format(messages, "unify-code-back-to-login", locale));
        } else {
            assertThat(html).doesNotContain("unify-code-back-to-login");
        }

        // Help below the form.
        String help = element(html, "(?s)<details id=\"unify-code-help\"[^>]*>.*?</details>");
        List<String> tips = kind.equals("session")
                ? List.of("unify-code-help-spam", "unify-code-help-latest", "unify-code-help-delay", "unify-code-help-paste")
                : List.of("unify-code-help-welcome", "unify-code-help-paste", "unify-code-help-admin");
        assertThat(text(help, "<summary>(.*?)</summary>")).isEqualTo(format(messages,
                kind.equals("session") ? "unify-code-help-title" : "unify-code-help-title-account", locale));
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("(?s)<li>(.*?)</li>").matcher(help);
        while (item.find()) {
            items.add(KeycloakFreemarker.visibleText(item.group(1)));
        }
        assertThat(items).containsExactlyElementsOf(tips.stream().map(tip -> format(messages, tip, locale)).toList());
        assertThat(html.indexOf("id=\"unify-code-help\"")).isGreaterThan(html.indexOf("</form>"));
    }

    // ------------------------------------------------------------------------------------------
    // The resend button
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void resendCountsDownWhileItMustWait(String themeName) {
        Page page = new Page(theme(themeName), "de").resend(true, 57);
        String html = page.render();
        String resend = element(html, "(?s)<button[^>]*id=\"unify-code-resend\"[^>]*>.*?</button>");
        assertThat(resend).contains(" disabled", "data-unify-resend-in=\"57\"",
                "data-unify-label=\"Neuen Code senden\"", "<span class=\"unify-code-countdown\">57</span>");
        assertThat(KeycloakFreemarker.visibleText(resend)).isEqualTo("Neuen Code senden (57 s)");
        // The script that counts down and then enables the button is inline (no file to allow in a CSP).
        String script = element(html, "(?s)<script>\\s*\\(function \\(\\) \\{.*?</script>");
        assertThat(script).contains("getElementById(\"unify-code-resend\")", "data-unify-resend-in", "data-unify-label",
                "button.disabled = false");
        assertThat(html).doesNotContain("<script src=\"unify");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void resendIsReadyWhenTheWaitIsOver(String themeName) {
        String html = new Page(theme(themeName), "fi").resend(true, 0).render();
        String resend = element(html, "(?s)<button[^>]*id=\"unify-code-resend\"[^>]*>.*?</button>");
        assertThat(resend).doesNotContain(" disabled").doesNotContain("data-unify-resend-in")
                .doesNotContain("unify-code-countdown").contains("formnovalidate", "name=\"resend\"", "value=\"true\"");
        assertThat(KeycloakFreemarker.visibleText(resend)).isEqualTo("Lähetä uusi koodi");
        assertThat(html).doesNotContain("data-unify-resend-in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void noResendWhenItIsNotAllowed(String themeName) {
        String html = new Page(theme(themeName), "sl").resend(false, 30).render();
        assertThat(html).doesNotContain("id=\"unify-code-resend\"").doesNotContain("name=\"resend\"")
                .doesNotContain("data-unify-resend-in").doesNotContain("unify-code-countdown");
        assertThat(html).contains("id=\"unify-code-submit\"", "id=\"unify-code-help\"");
    }

    @Test
    void largeWaitsAreWrittenWithoutGroupingSeparators() {
        String html = new Page(KEYCLOAK_V2, "en").resend(true, 3600).render();
        assertThat(html).contains("data-unify-resend-in=\"3600\"", "<span class=\"unify-code-countdown\">3600</span>");
    }

    // ------------------------------------------------------------------------------------------
    // Errors, optional values, robustness
    // ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("themes")
    void aFieldErrorIsShownAtTheFieldAndDescribesIt(String themeName) {
        Theme theme = theme(themeName);
        String error = KeycloakFreemarker.format(theme.messages("en").getProperty("unify-code-error-wrong"), "en", 2);
        Page page = new Page(theme, "en").fieldError(error)
                .message("error", "top-of-page alert that must not be shown");
        String html = page.render();

        String input = element(html, "<input[^>]*id=\"code\"[^>]*>");
        assertThat(input).contains("aria-invalid=\"true\"",
                "aria-describedby=\"unify-code-instruction unify-code-hint input-error-code\"");
        assertThat(text(html, "(?s)id=\"input-error-code\"[^>]*>(.*?)</div>")).isEqualTo(error);
        assertThat(error).isEqualTo("That code is not correct. You have 2 tries left.");
        assertThat(html).contains("aria-live=\"polite\"");
        // The layout's alert is off while the field shows the error (no message twice).
        assertThat(html).doesNotContain("top-of-page alert that must not be shown");
    }

    @Test
    void aPageMessageIsShownByTheLayout() {
        String sent = KeycloakFreemarker.format(KEYCLOAK_V2.messages("en").getProperty("unify-code-info-sent"), "en",
                "a***@example.com");
        String html = new Page(KEYCLOAK_V2, "en").message("info", sent).render();
        assertThat(KeycloakFreemarker.visibleText(html)).contains("We sent a new code to a***@example.com.");
        assertThat(element(html, "<input[^>]*id=\"code\"[^>]*>")).doesNotContain("aria-invalid");
    }

    @Test
    void withoutAddressTheResetPageDoesNotSayWhetherTheAccountExists() {
        String html = new Page(KEYCLOAK_V2, "en").purpose("reset-credentials").maskedEmail(null).expiresInMinutes(null).render();
        assertThat(text(html, "<p id=\"unify-code-instruction\"[^>]*>(.*?)</p>"))
                .isEqualTo("If we found an account for what you entered, we sent a code to its email address. "
                        + "Enter the code below to reset your password.");
    }

    @Test
    void lifetimeIsGivenInTheLargestWholeUnit() {
        assertThat(instruction(new Page(KEYCLOAK_V2, "en").expiresInMinutes(1))).endsWith("The code is valid for 1 minute.");
        assertThat(instruction(new Page(KEYCLOAK_V2, "en").expiresInMinutes(90))).endsWith("The code is valid for 90 minutes.");
        assertThat(instruction(new Page(KEYCLOAK_V2, "en").expiresInMinutes(120))).endsWith("The code is valid for 2 hours.");
        assertThat(instruction(new Page(KEYCLOAK_V2, "en").kind("account").purpose("account-link").expiresInMinutes(10080)))
                .endsWith("The code is valid for 7 days.");
        assertThat(instruction(new Page(KEYCLOAK_V2, "sl").expiresInMinutes(2))).endsWith("Koda velja 2 minuti.");
        assertThat(instruction(new Page(KEYCLOAK_V2, "en").expiresInMinutes(0))).doesNotContain("valid");
    }

    @Test
    void enumConstantsAndMissingValuesAreUnderstood() {
        // A Java enum's name (ACCOUNT_LINK) reads like its id; missing values fall back to a session code page.
        Page enums = new Page(KEYCLOAK_V2, "en").purpose(new Constant("ACCOUNT_LINK")).kind(new Constant("ACCOUNT"))
                .length(16).maskedEmail(null).expiresInMinutes(null).resend(false, 0);
        String html = enums.render();
        assertThat(text(html, "<h1[^>]*id=\"kc-page-title\"[^>]*>(.*?)</h1>")).isEqualTo("Connect your account");
        assertThat(text(html, "<div id=\"unify-code-hint\"[^>]*>(.*?)</span>"))
                .isEqualTo("16 letters and numbers. You can leave out the dashes.");

        Page empty = new Page(KEYCLOAK_V2, "en");
        empty.unifyCode.clear();
        String defaults = empty.render();
        assertThat(text(defaults, "<h1[^>]*id=\"kc-page-title\"[^>]*>(.*?)</h1>")).isEqualTo("Activate your account");
        assertThat(text(defaults, "<div id=\"unify-code-hint\"[^>]*>(.*?)</span>")).isEqualTo("8 digits");
        assertThat(defaults).doesNotContain("id=\"unify-code-resend\"");
        assertThat(empty.msg.missing).noneMatch(key -> key.startsWith("unify"));
    }

    @Test
    void textsAreEscaped() {
        String html = new Page(KEYCLOAK_V2, "en").maskedEmail("<b>x</b>@example.com").render();
        assertThat(html).doesNotContain("<b>x</b>").contains("&lt;b&gt;x&lt;/b&gt;@example.com");
    }

    static List<String> themes() {
        return List.of("keycloak.v2", "keycloak", "unify");
    }

    // ------------------------------------------------------------------------------------------

    /** A value that FreeMarker sees as a plain object with toString(), like an enum constant. */
    record Constant(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The attributes FreeMarkerLoginFormsProvider gives unify-code.ftl, with unifyCode set by the authenticator. */
    static final class Page {
        final Theme theme;
        final String locale;
        final Map<String, Object> unifyCode = new HashMap<>();
        final Map<String, String> fieldErrors = new HashMap<>();
        Map<String, Object> message;
        Msg msg;

        Page(Theme theme, String locale) {
            this.theme = theme;
            this.locale = locale;
            purpose("activation").kind("session").length(8).maskedEmail("a***@example.com").expiresInMinutes(10).resend(true, 0);
        }

        Page purpose(Object purpose) {
            unifyCode.put("purpose", purpose);
            return this;
        }

        Page kind(Object kind) {
            unifyCode.put("kind", kind);
            return this;
        }

        Page length(int length) {
            unifyCode.put("length", length);
            return this;
        }

        Page maskedEmail(String maskedEmail) {
            unifyCode.put("maskedEmail", maskedEmail);
            return this;
        }

        Page expiresInMinutes(Integer minutes) {
            unifyCode.put("expiresInMinutes", minutes);
            return this;
        }

        Page resend(boolean allowed, int inSeconds) {
            unifyCode.put("resendAllowed", allowed);
            unifyCode.put("resendInSeconds", inSeconds);
            return this;
        }

        Page fieldError(String error) {
            fieldErrors.put("code", error);
            return this;
        }

        Page message(String type, String summary) {
            message = Map.of("type", type, "summary", summary);
            return this;
        }

        String render() {
            Properties properties = theme.properties();
            Properties messages = theme.messages(locale);
            Locale javaLocale = Locale.forLanguageTag(locale);
            msg = new Msg(messages, javaLocale);

            Map<String, Object> model = new HashMap<>();
            model.put("unifyCode", unifyCode);
            model.put("properties", properties);
            model.put("msg", msg);
            model.put("advancedMsg", msg);
            model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
            model.put("lang", locale);
            model.put("darkMode", "true".equals(properties.getProperty("darkMode")));
            model.put("pageId", "unify-code");
            model.put("title", "Acme");
            if (message != null) {
                model.put("message", message);
            }

            model.put("url", LoginPageModel.url(theme.name, LOGIN_ACTION, LOGIN_URL));

            model.put("realm", LoginPageModel.realm());

            model.put("locale", LoginPageModel.locale(locale, "/realms/acme/login-actions/authenticate"));

            Map<String, Object> auth = new HashMap<>();
            auth.put("showUsername", KeycloakFreemarker.constant(false));
            auth.put("showResetCredentials", KeycloakFreemarker.constant(false));
            auth.put("showTryAnotherWayLink", KeycloakFreemarker.constant(false));
            auth.put("attemptedUsername", "anna");
            model.put("auth", auth);

            Map<String, Object> messagesPerField = new HashMap<>();
            messagesPerField.put("existsError", fieldMethod(name -> fieldErrors.containsKey(name)));
            messagesPerField.put("exists", fieldMethod(name -> fieldErrors.containsKey(name)));
            messagesPerField.put("get", fieldMethod(name -> fieldErrors.getOrDefault(name, "")));
            messagesPerField.put("getFirstError", fieldMethod(name -> fieldErrors.getOrDefault(name, "")));
            messagesPerField.put("printIfExists", KeycloakFreemarker.constant(""));
            model.put("messagesPerField", messagesPerField);

            return KeycloakFreemarker.render(theme, "unify-code.ftl", model);
        }

        private static TemplateMethodModelEx fieldMethod(java.util.function.Function<String, Object> answer) {
            return arguments -> answer.apply(arguments.get(arguments.size() - 1).toString());
        }
    }

    private static String instruction(Page page) {
        return text(page.render(), "<p id=\"unify-code-instruction\"[^>]*>(.*?)</p>");
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

    private static int count(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String format(Properties messages, String key, String locale, Object... arguments) {
        assertThat(messages.getProperty(key)).as("message %s", key).isNotNull();
        return KeycloakFreemarker.format(messages.getProperty(key), locale, arguments);
    }
}
