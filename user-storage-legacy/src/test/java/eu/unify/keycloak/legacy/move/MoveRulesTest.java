package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MoveRulesTest {

    private static final Set<String> REALM = Set.of("taken@example.com", "boss@other.example");

    private static Map<Integer, String> check(MoveEntry... entries) {
        return MoveRules.check(List.of(entries), REALM::contains);
    }

    private static MoveEntry main(String email) {
        return new MoveEntry("Haupt", true, email, false);
    }

    private static MoveEntry sub(String name, String email) {
        return new MoveEntry(name, false, email, false);
    }

    @Test
    void aCompanyWithOwnAndPlusAddressesPasses() {
        assertThat(check(main("info@example.com"), sub("Vertrieb", "info+vertrieb@example.com"),
                sub("Lager", "lager@example.com"), sub("Lager2", "lager+zwei@example.com"))).isEmpty();
    }

    @Test
    void everyAccountNeedsAValidAddress() {
        assertThat(check(main(" "), sub("Vertrieb", "vertrieb(at)example.com"), sub("Lager", null)))
                .containsExactly(Map.entry(0, MoveRules.REQUIRED), Map.entry(1, MoveRules.INVALID),
                        Map.entry(2, MoveRules.REQUIRED));
    }

    @Test
    void anAddressOnlyOnceInTheFormAfterNormalisation() {
        assertThat(check(main("info@example.com"), sub("Vertrieb", " INFO@example.com"),
                sub("Lager", "ｉｎｆｏ@example.com"))).containsExactly(Map.entry(1, MoveRules.DUPLICATE),
                Map.entry(2, MoveRules.DUPLICATE));
    }

    @Test
    void anAddressOfSomeoneElseInTheRealmIsTaken() {
        assertThat(check(main("Taken@Example.com"), sub("Vertrieb", "vertrieb@example.com")))
                .containsExactly(Map.entry(0, MoveRules.TAKEN));
    }

    @Test
    void theMainAccountNeedsItsOwnAddress() {
        assertThat(check(main("vertrieb+chef@example.com"), sub("Vertrieb", "vertrieb@example.com")))
                .containsExactly(Map.entry(0, MoveRules.MAIN_PLUS_ADDRESS));
        assertThat(check(main("boss+x@other.example"), sub("Vertrieb", "vertrieb@example.com")))
                .containsExactly(Map.entry(0, MoveRules.MAIN_PLUS_ADDRESS));
        // A plus-address of nobody's address is the person's own.
        assertThat(check(main("anna+shop@example.com"), sub("Vertrieb", "vertrieb@example.com"))).isEmpty();
    }

    @Test
    void aSubAccountMayNotUseAVariantOfSomeoneElsesMailbox() {
        assertThat(check(main("info@example.com"), sub("Vertrieb", "boss+vertrieb@other.example")))
                .containsExactly(Map.entry(1, MoveRules.FOREIGN_PLUS_ADDRESS));
    }
}
