package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LegacyColumnsTest {

    private static final Set<String> LOOKUP = Set.of(LegacyColumns.USERNAME, LegacyColumns.PASSWORD_HASH);

    @Test
    void contractColumnsInAnyCaseAreFine() {
        assertThat(LegacyColumns.problems("q", List.of("USERNAME", "Password_Hash", "email", "wave"), LOOKUP)).isEmpty();
    }

    @Test
    void unknownMissingAndDuplicateColumnsAreNamed() {
        List<String> problems = LegacyColumns.problems("Query 'x'", List.of("login_name", "email", "EMAIL"), LOOKUP);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'login_name'").contains("not part of the contract"))
                .anySatisfy(p -> assertThat(p).contains("'email' twice"))
                .anySatisfy(p -> assertThat(p).contains("required column 'username'"))
                .anySatisfy(p -> assertThat(p).contains("required column 'password_hash'"))
                .anySatisfy(p -> assertThat(p).startsWith("expected columns"));
    }
}
