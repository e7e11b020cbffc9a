package eu.unify.keycloak.entitlements.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CompanySliceTest {

    /** Acme holds shop and invoices; the member's other company (Globex) holds invoices and reports. */
    private final CompanySlice acme = new CompanySlice(Set.of("shop", "invoices"), Set.of("invoices", "reports"));

    @Test
    void aCompanySeesOnlyWhatItHolds() {
        assertThat(acme.visible(List.of("invoices", "portal", "reports", "shop"))).containsExactly("invoices", "shop");
    }

    @Test
    void whatAnotherCompanyOfTheMemberAlsoHoldsIsShared() {
        assertThat(acme.shared("invoices")).isTrue();
        assertThat(acme.shared("shop")).isFalse();
    }

    @Test
    void leavingTakesOnlyWhatNoOtherCompanyOfTheMemberHolds() {
        assertThat(acme.leaving(List.of("invoices", "portal", "reports", "shop"))).containsExactly("shop");
        CompanySlice alone = new CompanySlice(Set.of("shop", "invoices"), Set.of());
        assertThat(alone.leaving(List.of("invoices", "portal", "shop"))).containsExactly("invoices", "shop");
    }
}
