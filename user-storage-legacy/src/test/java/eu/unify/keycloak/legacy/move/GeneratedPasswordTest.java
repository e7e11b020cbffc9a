package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GeneratedPasswordTest {

    @Test
    void hasEveryKindOfCharacterAndIsNeverShown() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            GeneratedPassword password = GeneratedPassword.create();
            String value = password.value();
            assertThat(value).hasSize(GeneratedPassword.LENGTH);
            assertThat(value).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[2-9]")
                    .containsPattern("[-_.:!?#%+]").doesNotContainPattern("[0O1lI\\s]");
            assertThat(password.toString()).doesNotContain(value);
            seen.add(value);
        }
        assertThat(seen).as("no repeats").hasSize(200);
    }
}
