package eu.unify.keycloak.legacy.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RightsMappingTest {

    private static RightsMapping parse(String... entries) {
        return RightsMapping.parse(Arrays.asList(entries));
    }

    @Test
    void readsTheThreeKindsOfTarget() {
        RightsMapping mapping = parse("orders=client:shop:access", "reports=role:report-reader",
                "admin=group:/customers/admins");

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.targetsFor(List.of("orders"))).containsExactly(new RightTarget.ClientRole("shop", "access"));
        assertThat(mapping.targetsFor(List.of("reports"))).containsExactly(new RightTarget.RealmRole("report-reader"));
        assertThat(mapping.targetsFor(List.of("admin"))).containsExactly(new RightTarget.Group("/customers/admins"));
    }

    @Test
    void aRightMayGrantSeveralThingsAndEachTargetIsGrantedOnce() {
        RightsMapping mapping = parse("orders=client:shop:access", "orders=group:/buyers", "all=client:shop:access");

        assertThat(mapping.targetsFor(List.of("orders", "all"))).containsExactly(
                new RightTarget.ClientRole("shop", "access"), new RightTarget.Group("/buyers"));
        assertThat(mapping.targets()).hasSize(2);
    }

    @Test
    void rightsMatchRegardlessOfCaseAndUnmappedRightsGrantNothing() {
        RightsMapping mapping = parse("Orders=client:shop:access");

        assertThat(mapping.targetsFor(List.of("ORDERS"))).hasSize(1);
        assertThat(mapping.targetsFor(List.of("invoices"))).isEmpty();
        assertThat(mapping.targetsFor(null)).isEmpty();
    }

    @Test
    void spacesAroundThePartsAreIgnored() {
        RightsMapping mapping = parse("  orders = client : shop : access ", " reports= role: reader",
                "admin = group: customers/admins ");

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.targets()).containsExactly(new RightTarget.ClientRole("shop", "access"),
                new RightTarget.RealmRole("reader"), new RightTarget.Group("/customers/admins"));
    }

    @Test
    void aClientIdMayContainColonsTheRoleFollowsTheLastOne() {
        assertThat(parse("portal=client:https://portal.example.com:access").targets())
                .containsExactly(new RightTarget.ClientRole("https://portal.example.com", "access"));
    }

    @Test
    void blankEntriesAndAnEmptyTableMeanNoMapping() {
        assertThat(parse("", "   ").isEmpty()).isTrue();
        assertThat(RightsMapping.parse(null).isEmpty()).isTrue();
        assertThat(RightsMapping.parse(List.of()).problems()).isEmpty();
    }

    @Test
    void entriesJoinedWithDoubleHashAreSplit() {
        assertThat(parse("orders=client:shop:access##reports=role:reader").targets()).hasSize(2);
    }

    @Test
    void badEntriesAreLeftOutAndDescribed() {
        RightsMapping mapping = parse("orders", "=role:x", "orders=clients:shop:access", "orders=client:shop",
                "orders=role:", "orders=group:/", "two rights=role:x", "ok=role:reader");

        assertThat(mapping.targets()).containsExactly(new RightTarget.RealmRole("reader"));
        assertThat(mapping.problems()).hasSize(7);
        assertThat(mapping.problems().get(0)).isEqualTo("Rights mapping 'orders': has no '='; write "
                + "<right>=client:<clientId>:<role>, <right>=role:<realm role> or <right>=group:/<group path>");
        assertThat(mapping.problems().get(1)).contains("names no right");
        assertThat(mapping.problems().get(2)).contains("unknown target 'clients:shop:access'");
        assertThat(mapping.problems().get(3)).contains("client:<clientId>:<role>");
        assertThat(mapping.problems().get(4)).contains("role:<role name>");
        assertThat(mapping.problems().get(5)).contains("group:/<group path>");
        assertThat(mapping.problems().get(6)).contains("contains a space");
    }

    @Test
    void targetsPrintAsWritten() {
        assertThat(new RightTarget.ClientRole("shop", "access").text()).isEqualTo("client:shop:access");
        assertThat(new RightTarget.RealmRole("reader").text()).isEqualTo("role:reader");
        assertThat(new RightTarget.Group("/a/b").text()).isEqualTo("group:/a/b");
    }
}
