package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LegacyImportTest {

    @Test
    void rightsBecomeOneValueEach() {
        assertThat(LegacyImport.rights("orders, reports;invoices  orders")).containsExactly("orders", "reports",
                "invoices");
        assertThat(LegacyImport.rights(null)).isEmpty();
    }

    @Test
    void attributesKeepTheOriginalUsernameAndTheMainAccount() {
        LegacyAccount sub = new LegacyAccount("Info-Vertrieb", "h", null, null, null, null, null, "Info", "orders",
                "3", true);
        assertThat(LegacyImport.localUsername(sub)).isEqualTo("info-vertrieb");
        assertThat(LegacyImport.attributes(sub))
                .containsEntry("legacy_username", List.of("Info-Vertrieb"))
                .containsEntry("legacy_main_account", List.of("Info"))
                .containsEntry("legacy_wave", List.of("3"))
                .containsEntry("legacy_rights", List.of("orders"));
    }
}
