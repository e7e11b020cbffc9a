package eu.unify.keycloak.entitlements.theme;

import eu.unify.keycloak.common.theme.KeycloakFreemarker;
import eu.unify.keycloak.common.theme.LoginPageModel;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.unify.keycloak.common.theme.KeycloakFreemarker.Msg;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Source;
import eu.unify.keycloak.common.theme.KeycloakFreemarker.Theme;

/**
 * Renders unify-service-access.ftl inside Keycloak's stock login themes and the Unify theme, in every language:
 * the service, the admins (escaped), the fallbacks without admins or company, no key left unresolved.
 */
class ServiceAccessPageRenderingTest {

    static final Theme KEYCLOAK_V2 = new Theme("keycloak.v2",
            Source.stock("theme/keycloak.v2/login"), Source.stock("theme/base/login"));
    static final Theme KEYCLOAK = new Theme("keycloak",
            Source.stock("theme/keycloak/login"), Source.stock("theme/base/login"));

    static Theme theme(String name) {
        return switch (name) {
            case "keycloak.v2" -> KEYCLOAK_V2;
            case "keycloak" -> KEYCLOAK;
            case "unify" -> new Theme("unify", Source.unify("login"),
                    Source.stock("theme/keycloak.v2/login"), Source.stock("theme/base/login"));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static List<Arguments> everyThemeAndLanguage() {
        return ThemeResourceFiles.inEveryLanguage(ThemeResourceFiles.LOGIN_THEMES);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyThemeAndLanguage")
    void namesTheServiceAndTheAdminsInTheUsersLanguage(String themeName, String locale) {
        Theme theme = theme(themeName);
        Map<String, String> admin = Map.of("name", "Aino <Admin>", "email", "aino@acme.example");
        Rendered page = render(theme, locale, Map.of("service", "Verkkokauppa", "company", "Acme Oy",
                "advice", "ask-admins", "admins", List.of(admin)));

        Properties messages = theme.messages(locale);
        String text = KeycloakFreemarker.visibleText(page.html);
        assertThat(text).contains(KeycloakFreemarker.format(messages.getProperty("unify-service-access-denied"),
                locale, "Verkkokauppa"));
        assertThat(text).contains(KeycloakFreemarker.visibleText(KeycloakFreemarker.format(
                messages.getProperty("unify-service-access-ask-admins"), locale)));
        assertThat(text).contains("Aino <Admin>").contains("aino@acme.example");
        assertThat(page.html).as("the admin's name is escaped").doesNotContain("<Admin>");
        assertThat(page.html).contains("href=\"mailto:aino@acme.example\"");
        assertThat(page.missing).as("unify-service-access-* keys without a message")
                .noneMatch(key -> key.startsWith("unify"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyThemeAndLanguage")
    void whenNoCompanyAdminCanHelpItNamesTheProvidersContact(String themeName, String locale) {
        Theme theme = theme(themeName);
        Properties messages = theme.messages(locale);
        for (String advice : List.of("company-lacks-service", "no-admins", "no-company")) {
            Rendered page = render(theme, locale, Map.of("service", "Laskut", "company", "Acme Oy", "advice", advice,
                    "admins", List.of(), "contact", "Asiakaspalvelu <010 123>", "contactLink", "mailto:help@provider.example",
                    "services", List.of()));
            String text = KeycloakFreemarker.visibleText(page.html);
            assertThat(text).as(advice).contains(KeycloakFreemarker.visibleText(KeycloakFreemarker.format(
                    messages.getProperty("unify-service-access-" + advice), locale)));
            assertThat(text).as(advice).contains("Asiakaspalvelu <010 123>");
            assertThat(page.html).as("the contact is escaped").doesNotContain("<010 123>")
                    .contains("href=\"mailto:help@provider.example\"");
            assertThat(page.html).as("no admins to ask").doesNotContain("unify-service-access-admins");
            assertThat(page.missing).noneMatch(key -> key.startsWith("unify"));
        }
    }

    @Test
    void aContactLinkThatIsNotAWebOrMailAddressIsLeftOutAndNoContactMeansNoContactLine() {
        String html = render(KEYCLOAK_V2, "en", Map.of("service", "Invoices", "advice", "no-company", "admins", List.of(),
                "contact", "Customer service", "contactLink", "javascript:alert(1)")).html;
        assertThat(html).contains("Customer service").doesNotContain("javascript:");
        String without = render(KEYCLOAK_V2, "en", Map.of("service", "Invoices", "advice", "no-company",
                "admins", List.of())).html;
        assertThat(without).doesNotContain("unify-service-access-contact");
    }

    @Test
    void anUnknownAdviceOrAskingAdminsWithoutAnyFallsBackToTheProvider() {
        Properties messages = KEYCLOAK_V2.messages("de");
        String noCompany = KeycloakFreemarker.visibleText(KeycloakFreemarker.format(
                messages.getProperty("unify-service-access-no-company"), "de"));
        assertThat(KeycloakFreemarker.visibleText(render(KEYCLOAK_V2, "de", Map.of("service", "Laskut",
                "advice", "ask-admins", "admins", List.of())).html)).contains(noCompany);
        assertThat(KeycloakFreemarker.visibleText(render(KEYCLOAK_V2, "de", Map.of("service", "Laskut",
                "advice", "<script>", "admins", List.of())).html)).contains(noCompany);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyThemeAndLanguage")
    void listsTheUsersServicesAndOffersToSignOutOrUseAnotherAccount(String themeName, String locale) {
        Theme theme = theme(themeName);
        Properties messages = theme.messages(locale);
        Rendered page = render(theme, locale, Map.of("service", "Raportit", "advice", "ask-admins",
                "admins", List.of(Map.of("name", "Aino Admin", "email", "aino@acme.example")),
                "services", List.of(Map.of("name", "Verkkokauppa", "url", "https://shop.example/"),
                        Map.of("name", "Laskut", "url", ""), Map.of("name", "Vanha", "url", "javascript:alert(1)"))));
        String text = KeycloakFreemarker.visibleText(page.html);
        assertThat(text).contains(messages.getProperty("unify-service-access-your-services"))
                .contains("Verkkokauppa").contains("Laskut").contains("Vanha");
        assertThat(page.html).contains("href=\"https://shop.example/\"").doesNotContain("javascript:");
        assertThat(page.html).contains("name=\"unify-access\" value=\"other-account\"")
                .contains("name=\"unify-access\" value=\"sign-out\"")
                .contains("action=\"/realms/acme/login-actions/authenticate?session_code=s1\"");
        assertThat(text).contains(messages.getProperty("unify-service-access-other-account"))
                .contains(messages.getProperty("unify-service-access-sign-out"));
        assertThat(page.missing).noneMatch(key -> key.startsWith("unify"));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"${7*7}", "${loginTitle}", "{0} '' '", "Shop ${x"})
    void namesAreShownAsTheyAreWrittenWithKeycloaksOwnMsg(String trick) {
        // Keycloak's MessageFormatterMethod resolves ${key} in arguments; the page must not hand names to it.
        Properties messages = KEYCLOAK_V2.messages("fi");
        MessageFormatterMethod keycloakMsg = new MessageFormatterMethod(Locale.forLanguageTag("fi"), messages);
        String service = "Verkkokauppa " + trick;
        String company = "Acme " + trick;
        String withAdmins = KeycloakFreemarker.visibleText(render(KEYCLOAK_V2, "fi", Map.of("service", service,
                "company", company, "admins", List.of(Map.of("name", "Aino " + trick, "email", "aino@acme.example"))),
                keycloakMsg).html);
        assertThat(withAdmins).contains(KeycloakFreemarker.format(messages.getProperty("unify-service-access-denied"),
                "fi", service)).contains("Aino " + trick);
        String noAdmins = KeycloakFreemarker.visibleText(render(KEYCLOAK_V2, "fi", Map.of("service", service,
                "company", company, "admins", List.of()), keycloakMsg).html);
        assertThat(noAdmins).contains(KeycloakFreemarker.format(messages.getProperty("unify-service-access-denied"),
                "fi", service)).doesNotContain("49");
    }

    private record Rendered(String html, java.util.Set<String> missing) {
    }

    private static Rendered render(Theme theme, String locale, Map<String, Object> access) {
        Msg msg = new Msg(theme.messages(locale), Locale.forLanguageTag(locale));
        return new Rendered(render(theme, locale, access, msg).html, msg.missing);
    }

    private static Rendered render(Theme theme, String locale, Map<String, Object> access,
            freemarker.template.TemplateMethodModelEx msg) {
        Properties properties = theme.properties();
        Map<String, Object> model = new HashMap<>();
        model.put("unifyServiceAccess", access);
        model.put("properties", properties);
        model.put("msg", msg);
        model.put("advancedMsg", msg);
        model.put("kcSanitize", KeycloakFreemarker.kcSanitize());
        model.put("lang", locale);
        model.put("darkMode", "true".equals(properties.getProperty("darkMode")));
        model.put("pageId", "unify-service-access");
        model.put("title", "Acme");

        model.put("url", LoginPageModel.url(theme.name, "/realms/acme/login-actions/authenticate?session_code=s1", "/realms/acme/protocol/openid-connect/auth?client_id=shop"));

        model.put("realm", LoginPageModel.realm());

        model.put("locale", LoginPageModel.locale(locale, "/realms/acme/login-actions/authenticate"));

        Map<String, Object> auth = new HashMap<>();
        auth.put("showUsername", KeycloakFreemarker.constant(false));
        auth.put("showResetCredentials", KeycloakFreemarker.constant(false));
        auth.put("showTryAnotherWayLink", KeycloakFreemarker.constant(false));
        auth.put("attemptedUsername", "liisa");
        model.put("auth", auth);

        Map<String, Object> messagesPerField = new HashMap<>();
        messagesPerField.put("existsError", KeycloakFreemarker.constant(false));
        messagesPerField.put("exists", KeycloakFreemarker.constant(false));
        messagesPerField.put("get", KeycloakFreemarker.constant(""));
        messagesPerField.put("getFirstError", KeycloakFreemarker.constant(""));
        messagesPerField.put("printIfExists", KeycloakFreemarker.constant(""));
        model.put("messagesPerField", messagesPerField);

        String html = KeycloakFreemarker.render(theme, "unify-service-access.ftl", model);
        return new Rendered(html, java.util.Set.of());
    }
}
