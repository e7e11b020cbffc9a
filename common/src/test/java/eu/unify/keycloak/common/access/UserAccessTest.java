package eu.unify.keycloak.common.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class UserAccessTest {

    @Test
    void listsKeepTheirOrderWithoutBlanksNullsOrRepeats() {
        UserAccess access = new UserAccess(Arrays.asList("Webshop", null, " ", " Laskut ", "Webshop"),
                Arrays.asList("100234", "", "FI-4411", "100234"));
        assertThat(access.services()).containsExactly("Webshop", "Laskut");
        assertThat(access.customerNumbers()).containsExactly("100234", "FI-4411");
    }

    @Test
    void missingListsAreEmpty() {
        UserAccess access = new UserAccess(null, null);
        assertThat(access.services()).isEmpty();
        assertThat(access.customerNumbers()).isEmpty();
        assertThat(access.isEmpty()).isTrue();
        assertThat(UserAccess.NONE.isEmpty()).isTrue();
        assertThat(new UserAccess(List.of(), List.of("1")).isEmpty()).isFalse();
    }

    @Test
    void listsCannotBeChangedAfterwards() {
        UserAccess access = new UserAccess(new java.util.ArrayList<>(List.of("Shop")), List.of());
        assertThat(access.services()).isUnmodifiable();
    }

    @Test
    void andAppendsWhatTheOtherAdds() {
        UserAccess first = new UserAccess(List.of("Shop", "Invoices"), List.of("1"));
        UserAccess second = new UserAccess(List.of("Invoices", "Reports"), List.of("2", "1"));
        UserAccess both = first.and(second);
        assertThat(both.services()).containsExactly("Shop", "Invoices", "Reports");
        assertThat(both.customerNumbers()).containsExactly("1", "2");
        assertThat(first.and(null)).isSameAs(first);
        assertThat(first.and(UserAccess.NONE)).isSameAs(first);
        assertThat(UserAccess.NONE.and(second)).isEqualTo(second);
    }
}
