package eu.unify.keycloak.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.unify.keycloak.audit.listener.AuditRetention;

/** The console tab's texts: every key the tab uses, in every language, and no apostrophe (MessageFormat eats it). */
class MessageBundlesTest {

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(
                "/theme-resources/messages/messages_" + language + ".properties")) {
            assertThat(in).as(language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void everyLanguageHasEveryKeyTheTabUses(String language) throws IOException {
        Properties messages = bundle(language);
        Properties english = bundle("en");
        AuditRetentionTabFactory tab = new AuditRetentionTabFactory();
        assertThat(messages).containsKeys(tab.getId(), RetentionField.INVALID, RetentionField.DUPLICATE,
                RetentionField.NOT_REALM);
        tab.getConfigProperties().forEach(property ->
                assertThat(messages).containsKeys(property.getLabel(), property.getHelpText()));
        assertThat(messages.keySet()).isEqualTo(english.keySet());
        messages.forEach((key, value) -> {
            assertThat((String) value).as("%s %s", language, key).isNotBlank().doesNotContain("'");
            if (!language.equals("en")) {
                assertThat(value).as("%s %s translated", language, key).isNotEqualTo(english.get(key));
            }
        });
        assertThat(MessageFormat.format(messages.getProperty(RetentionField.INVALID), "36500"))
                .as(language).contains("36500");
        assertThat(messages.getProperty(tab.getId())).as("tab title").doesNotContain("{");
        assertThat(tab.getConfigProperties()).extracting(p -> p.getName()).containsExactly(AuditRetention.TAB_FIELD);
    }
}
