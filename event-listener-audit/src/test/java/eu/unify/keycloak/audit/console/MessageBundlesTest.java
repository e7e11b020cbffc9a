package eu.unify.keycloak.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.unify.keycloak.audit.listener.AuditRetention;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/** The console tab's texts: every key the tab uses, in every language, and no apostrophe (MessageFormat eats it). */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void everyLanguageHasEveryKeyTheTabUses(String language) {
        Properties messages = ThemeResourceFiles.messages(language);
        Properties english = ThemeResourceFiles.messages("en");
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
