package eu.unify.keycloak.legacy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ForwardedMailTest {

    private static final String NOTE = "For info+vertrieb@example.com";

    @Test
    void theTextBodyStartsWithTheNoteAndKeepsKeycloaksText() {
        assertThat(ForwardedMail.text(NOTE, "Reset your password:\nhttps://sso/link")).isEqualTo(
                NOTE + "\n\nReset your password:\nhttps://sso/link");
        assertThat(ForwardedMail.text(NOTE, null)).isNull();
    }

    @Test
    void theHtmlNoteGoesIntoTheUnifyContentCell() {
        String html = "<html><body style=\"x\"><table><tr><td id=\"unify-email-body\" style=\"y\">\n<p>Hello</p>"
                + "</td></tr></table></body></html>";

        String forwarded = ForwardedMail.html(NOTE, html);

        assertThat(forwarded).startsWith("<html><body style=\"x\"><table><tr><td id=\"unify-email-body\" style=\"y\">"
                + "<p id=\"unify-mail-forward\"").contains(NOTE + "</p>\n<p>Hello</p>");
    }

    @Test
    void anotherLayoutGetsTheNoteAfterBodyOrInFront() {
        assertThat(ForwardedMail.html(NOTE, "<html><BODY><p>Hi</p></BODY></html>"))
                .startsWith("<html><BODY><p id=\"unify-mail-forward\"").endsWith("</p><p>Hi</p></BODY></html>");
        assertThat(ForwardedMail.html(NOTE, "<p>Hi</p>")).startsWith("<p id=\"unify-mail-forward\"")
                .endsWith("<p>Hi</p>");
        assertThat(ForwardedMail.html(NOTE, null)).isNull();
    }

    @Test
    void theNoteIsEscapedInHtml() {
        assertThat(ForwardedMail.html("a<b>&\"c\"", "<p>x</p>")).contains("a&lt;b&gt;&amp;&quot;c&quot;</p>");
    }

    @Test
    void printingItNeverShowsTheBodies() {
        assertThat(ForwardedMail.of("S", NOTE, "secret-link", "<a href=secret-link>").toString())
                .doesNotContain("secret-link");
    }

    @Test
    void textsComeFromTheMessagesInTheMainAccountsLanguage() throws IOException {
        ForwardTexts german = new ForwardTexts(bundle("de"), Locale.GERMAN);

        assertThat(german.subject("info+vertrieb@example.com", "Passwort zurücksetzen"))
                .isEqualTo("[Für info+vertrieb@example.com] Passwort zurücksetzen");
        assertThat(german.note("info+vertrieb@example.com", "Info-Vertrieb"))
                .contains("info+vertrieb@example.com").contains("Info-Vertrieb").contains("Hauptkonto");
        assertThat(german.note("info+vertrieb@example.com", null)).doesNotContain("Benutzername");
        assertThat(german.note("info+vertrieb@example.com", "INFO+VERTRIEB@example.com"))
                .doesNotContain("Benutzername");
    }

    @Test
    void englishStandsInForAThemeWithoutTheTextsOrWithABrokenOverride() {
        assertThat(new ForwardTexts(null, Locale.ENGLISH).subject("a@example.com", "Hi"))
                .isEqualTo("[For a@example.com] Hi");
        Properties broken = new Properties();
        broken.setProperty(ForwardTexts.SUBJECT, "[For {0 broken");
        assertThat(new ForwardTexts(broken, Locale.ENGLISH).subject("a@example.com", "Hi"))
                .isEqualTo("[For a@example.com] Hi");
    }

    @Test
    void theMainAccountsOwnLanguageWinsWhenTheRealmSupportsIt() {
        List<String> supported = List.of("en", "fi", "de", "sl");
        assertThat(MainLocale.pick("de", true, supported, "en")).isEqualTo(Locale.GERMAN);
        assertThat(MainLocale.pick("fr", true, supported, "fi")).isEqualTo(Locale.forLanguageTag("fi"));
        assertThat(MainLocale.pick("de", false, supported, "en")).isEqualTo(Locale.ENGLISH);
        assertThat(MainLocale.pick(null, true, supported, null)).isEqualTo(Locale.ENGLISH);
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ForwardedMailTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
