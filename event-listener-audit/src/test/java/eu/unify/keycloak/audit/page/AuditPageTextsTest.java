package eu.unify.keycloak.audit.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.unify.keycloak.common.theme.ThemeResourceFiles;

/** The page's texts: every key it shows, in every language, placeholders kept, none left over. */
class AuditPageTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "fi", "de", "sl"})
    void everyLanguageHasEveryTextOfThePage(String language) {
        Properties messages = ThemeResourceFiles.messages(language);
        Properties english = ThemeResourceFiles.messages("en");
        Set<String> pageKeys = messages.stringPropertyNames().stream()
                .filter(key -> key.startsWith(AuditPageResource.PREFIX)).collect(Collectors.toSet());
        assertThat(pageKeys).isEqualTo(AuditPageResource.TEXT_KEYS.stream().map(key -> AuditPageResource.PREFIX + key)
                .collect(Collectors.toSet()));
        for (String key : pageKeys) {
            String text = messages.getProperty(key);
            for (String placeholder : new String[] {"{0}", "{1}", "{2}"}) {
                assertThat(text.contains(placeholder)).as("%s %s keeps %s", language, key, placeholder)
                        .isEqualTo(english.getProperty(key).contains(placeholder));
            }
        }
    }
}
