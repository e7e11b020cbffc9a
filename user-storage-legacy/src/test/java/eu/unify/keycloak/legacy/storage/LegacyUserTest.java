package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class LegacyUserTest {

    private static ComponentModel component(String id) {
        ComponentModel model = new ComponentModel();
        model.setId(id);
        return model;
    }

    private static LegacyAccount account(String username) {
        return new LegacyAccount(username, "$2y$05$hash", null, null, "hans@example.com", "Hans", "Muster", "Info",
                "orders reports", "2", true);
    }

    @Test
    void beforeTheImportItIsTheFederatedReadOnlyAccount() {
        LegacyUser user = new LegacyUser(null, null, new TransientLegacyUser(null, null, component("c1"),
                account("Hans.Muster")));
        assertThat(user.getId()).isEqualTo("f:c1:Hans.Muster");
        assertThat(user.getFederationLink()).isEqualTo("c1");
        assertThat(user.getUsername()).isEqualTo("hans.muster");
        assertThat(user.getEmail()).isEqualTo("hans@example.com");
        assertThat(user.getAttributes()).containsEntry("legacy_rights", List.of("orders", "reports"))
                .containsEntry("legacy_main_account", List.of("Info"));
        assertThat(user.isImported()).isFalse();
    }

    @Test
    void afterTheImportItIsTheStoredUser() {
        LegacyUser user = new LegacyUser(null, null, new TransientLegacyUser(null, null, component("c1"),
                account("Hans.Muster")));
        TransientLegacyUser stored = new TransientLegacyUser(null, null, component("local"), account("Other"));
        user.becomeImported(stored);
        assertThat(user.isImported()).isTrue();
        assertThat(user.getId()).isEqualTo(stored.getId());
        assertThat(user.account().username()).isEqualTo("Hans.Muster");
    }
}
