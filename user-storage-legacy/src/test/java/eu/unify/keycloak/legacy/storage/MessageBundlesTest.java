package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import eu.unify.keycloak.legacy.move.MoveRules;
import eu.unify.keycloak.common.theme.ThemeResourceFiles;

class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fi", "de", "sl"})
    void everyLanguageHasEveryKey(String language) {
        Properties english = ThemeResourceFiles.messages("en");
        Properties other = ThemeResourceFiles.messages(language);
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
                "unify-legacy-password-password", "unify-legacy-sign-in-name-subject",
                "unify-legacy-sign-in-name-password");
    }
}
