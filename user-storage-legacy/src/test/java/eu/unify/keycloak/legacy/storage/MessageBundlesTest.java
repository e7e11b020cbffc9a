package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.unify.keycloak.legacy.move.MoveRules;

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
    @ValueSource(strings = {"fi", "de", "sl"})
    void everyLanguageHasEveryKey(String language) throws IOException {
        Properties english = bundle("en");
        Properties other = bundle(language);
        assertThat(other.keySet()).isEqualTo(english.keySet());
        other.forEach((key, value) -> assertThat((String) value).as("%s %s", language, key).isNotBlank()
                .isNotEqualTo(english.getProperty((String) key)));
        assertThat(english).containsKey(LegacyUserStorageProvider.UNAVAILABLE_MESSAGE)
                .containsKey("unify-legacy-moved-hint").containsKey("unify-mail-forward-subject")
                .containsKey("unify-mail-forward-note").containsKey("unify-mail-forward-note-plain");
        assertThat(english).containsKey(LegacyUserStorageProvider.UNAVAILABLE_MESSAGE);
        // What the move (eu.unify.keycloak.legacy.move) and its templates count on.
        assertThat(english).containsKeys(MoveRules.REQUIRED, MoveRules.INVALID, MoveRules.DUPLICATE, MoveRules.TAKEN,
                MoveRules.MAIN_PLUS_ADDRESS, MoveRules.FOREIGN_PLUS_ADDRESS, "unify-legacy-move-error-summary",
                "unify-legacy-move-error-mandatory", "unify-legacy-move-error-changed", "unify-legacy-move-error-failed",
                "unify-legacy-move-title", "unify-legacy-move-info-sub", "unify-legacy-password-subject",
                "unify-legacy-password-password");
    }
}
