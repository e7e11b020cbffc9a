package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * What the rest of Unify (realm export, integration tests, ops) relies on: theme names and types,
 * parents, languages, stylesheets, and the element ids and message keys of the login pages.
 */
class ThemeContractTest {

    @Test
    void jarDeclaresTheUnifyLoginAndEmailThemes() {
        String json = ThemeFiles.read(ThemeFiles.sources().resolve("META-INF/keycloak-themes.json"));
        String compact = json.replaceAll("\\s+", "");
        assertThat(compact)
                .as("META-INF/keycloak-themes.json")
                .contains("\"name\":\"unify\"")
                .containsPattern("\"types\":\\[(\"login\",\"email\"|\"email\",\"login\")\\]");
        for (String type : List.of("login", "email")) {
            assertThat(ThemeFiles.unifyTheme(type).resolve("theme.properties")).exists();
        }
    }

    @Test
    void loginThemeExtendsKeycloakV2InFourLanguages() {
        Map<String, String> login = properties("login");
        assertThat(login)
                .containsEntry("parent", "keycloak.v2")
                .containsEntry("import", "common/keycloak");
        assertThat(list(login.get("locales"))).containsExactly("en", "fi", "de", "sl");
    }

    @Test
    void loginThemeKeepsKeycloakV2sStylesAndAddsTheBrandAfterThem() {
        String parentStyles = ThemeFiles.stockBundle("theme/keycloak.v2/login/theme.properties").get("styles");
        List<String> expected = new ArrayList<>(list(parentStyles));
        expected.addAll(List.of("css/unify-brand.css", "css/unify.css"));

        List<String> styles = list(properties("login").get("styles"));
        assertThat(styles).containsExactlyElementsOf(expected);
        for (String style : styles) {
            boolean own = Files.exists(ThemeFiles.unifyTheme("login").resolve("resources").resolve(style));
            boolean parents = ThemeFiles.class.getClassLoader()
                    .getResource("theme/keycloak.v2/login/resources/" + style) != null;
            assertThat(own || parents).as("%s exists in the unify or keycloak.v2 theme", style).isTrue();
        }
    }

    @Test
    void emailThemeExtendsBaseInFourLanguages() {
        Map<String, String> email = properties("email");
        assertThat(email).containsEntry("parent", "base");
        assertThat(list(email.get("locales"))).containsExactly("en", "fi", "de", "sl");
        assertThat(email).containsKeys("unifyEmailBrandColor", "unifyEmailOnBrandColor", "unifyEmailBrandName");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"login", "email"})
    void everyDeclaredLanguageHasItsMessages(String type) {
        for (String locale : list(properties(type).get("locales"))) {
            assertThat(ThemeFiles.unifyTheme(type).resolve("messages/messages_" + locale + ".properties"))
                    .as("%s messages for %s", type, locale)
                    .exists();
        }
    }

    @Test
    void loginTemplateShowsLogoTaglineAndLanguage() {
        String template = ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("template.ftl"));
        assertThat(template)
                .contains("id=\"unify-logo\"")
                .contains("unifyLogoAlt")
                .contains("id=\"unify-tagline\"")
                .contains("unifyTagline")
                // keycloak.v2 sets "lang" to locale.currentLanguageTag, or "en" without internationalization.
                .containsPattern("<html [^>]*lang=\"\\$\\{lang}\"");
        assertThat(template).as("keycloak.v2's language switcher").contains("id=\"login-select-toggle\"");

        String footer = ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("footer.ftl"));
        assertThat(footer).contains("<#macro content>").contains("id=\"unify-help-footer\"").contains("unifyHelpFooter");
    }

    @Test
    void unifyMessagesExistForEveryKeyTheTemplatesUse() {
        String login = ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("template.ftl"))
                + ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("footer.ftl"));
        String email = ThemeFiles.read(ThemeFiles.unifyTheme("email").resolve("html/template.ftl"));
        assertThat(ThemeFiles.loadBundle(ThemeFiles.unifyTheme("login").resolve("messages/messages_en.properties")).keys())
                .containsAll(unifyKeys(login));
        assertThat(ThemeFiles.loadBundle(ThemeFiles.unifyTheme("email").resolve("messages/messages_en.properties")).keys())
                .containsAll(unifyKeys(email));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"img/unify-logo.svg", "img/unify-favicon.svg"})
    void imagesAreWellFormedSvg(String image) throws Exception {
        Path file = ThemeFiles.unifyTheme("login").resolve("resources").resolve(image);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = factory.newDocumentBuilder().parse(file.toFile());
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("viewBox")).isNotBlank();
        assertThat(ThemeFiles.read(file)).doesNotContain("<script").doesNotContainPattern("(href|src)=\"https?:");
    }

    @Test
    void faviconIsDeclaredAndShipped() {
        Map<String, String> login = properties("login");
        assertThat(login).containsEntry("favIconType", "image/svg+xml");
        assertThat(ThemeFiles.unifyTheme("login").resolve("resources").resolve(login.get("favIcon"))).exists();
    }

    static Map<String, String> properties(String type) {
        return ThemeFiles.loadBundle(ThemeFiles.unifyTheme(type).resolve("theme.properties")).entries;
    }

    private static List<String> list(String value) {
        assertThat(value).isNotBlank();
        return Arrays.stream(value.trim().split("[\\s,]+")).collect(Collectors.toList());
    }

    private static List<String> unifyKeys(String template) {
        Matcher matcher = Pattern.compile("msg\\(\"(unify[A-Za-z]*)\"").matcher(template);
        List<String> keys = new ArrayList<>();
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertThat(keys).as("Unify message keys used by the template").isNotEmpty();
        return keys;
    }
}
