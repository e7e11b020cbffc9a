package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        NamedSql sql = NamedSql.parse("SELECT a FROM t ORDER BY a OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                Set.of("limit", "offset"));
        assertThat(sql.jdbcSql()).isEqualTo("SELECT a FROM t ORDER BY a OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        assertThat(sql.parameters()).containsExactly("offset", "limit");
    }

    @Test
    void quotedTextCastsAndCommentsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT ':not' AS \"x:y\", id::text -- :comment\nFROM t WHERE u = :USERNAME",
                Set.of("username"));
        assertThat(sql.jdbcSql()).isEqualTo("SELECT ':not' AS \"x:y\", id::text -- :comment\nFROM t WHERE u = ?");
        assertThat(sql.parameters()).isEqualTo(List.of("username"));
    }

    @Test
    void aParameterMayRepeat() {
        NamedSql sql = NamedSql.parse("SELECT 1 WHERE a = :username OR b = :username", Set.of("username"));
        assertThat(sql.parameters()).containsExactly("username", "username");
    }

    @Test
    void unknownNamesAndPositionalPlaceholdersAreRefused() {
        assertThatThrownBy(() -> NamedSql.parse("SELECT 1 WHERE a = :user", Set.of("username")))
                .hasMessageContaining(":user").hasMessageContaining(":username");
        assertThatThrownBy(() -> NamedSql.parse("SELECT 1 WHERE a = ?", Set.of("username")))
                .hasMessageContaining(":username");
    }

    @Test
    void aQueryWithoutParametersSaysSo() {
        assertThat(NamedSql.parse("SELECT wave, COUNT(*) AS total FROM t GROUP BY wave", Set.of()).parameters())
                .isEmpty();
        assertThatThrownBy(() -> NamedSql.parse("SELECT 1 WHERE a = :wave", Set.of()))
                .hasMessage("unknown parameter :wave (this query takes no parameters)");
        assertThatThrownBy(() -> NamedSql.parse("SELECT 1 WHERE a = ?", Set.of()))
                .hasMessage("this query takes no parameters; remove the ?");
    }
}
