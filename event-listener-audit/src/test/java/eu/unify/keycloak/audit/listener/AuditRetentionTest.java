package eu.unify.keycloak.audit.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

import eu.unify.keycloak.audit.listener.AuditRetention.Setting;
import eu.unify.keycloak.audit.listener.AuditRetention.Store;

class AuditRetentionTest {

    private static Optional<ComponentModel> tab(String value) {
        ComponentModel tab = new ComponentModel();
        tab.setProviderType(AuditRetention.TAB_TYPE);
        tab.setProviderId(AuditRetention.TAB_ID);
        if (value != null) {
            tab.getConfig().putSingle(AuditRetention.TAB_FIELD, value);
        }
        return Optional.of(tab);
    }

    @Test
    void theConsoleTabComesFirst() {
        assertThat(AuditRetention.setting(tab("30"), "7")).isEqualTo(new Setting(30, Store.CONSOLE));
        assertThat(AuditRetention.setting(tab("0"), null)).isEqualTo(new Setting(0, Store.CONSOLE));
    }

    @Test
    void anEmptyTabFieldIsTheServerDefaultEvenBesideAnAttribute() {
        Setting empty = AuditRetention.setting(tab(""), "7");
        assertThat(empty).isEqualTo(new Setting(null, Store.CONSOLE));
        assertThat(empty.daysOr(365)).isEqualTo(365);
        assertThat(AuditRetention.setting(tab(null), "7").daysOr(365)).isEqualTo(365);
    }

    @Test
    void withoutTheTabTheRealmAttributeStillCounts() {
        assertThat(AuditRetention.setting(Optional.empty(), "7")).isEqualTo(new Setting(7, Store.ATTRIBUTE));
        assertThat(AuditRetention.setting(Optional.empty(), "7").daysOr(365)).isEqualTo(7);
    }

    @Test
    void withNeitherTheServerDefaultApplies() {
        assertThat(AuditRetention.setting(Optional.empty(), null)).isEqualTo(new Setting(null, Store.NONE));
        assertThat(AuditRetention.setting(Optional.empty(), "not days")).isEqualTo(new Setting(null, Store.NONE));
        assertThat(AuditRetention.setting(Optional.empty(), "-5").daysOr(365)).isEqualTo(365);
    }

    @Test
    void parsesWholeDaysInRangeOnly() {
        assertThat(AuditRetention.parse("0")).isZero();
        assertThat(AuditRetention.parse(" 36500 ")).isEqualTo(36_500);
        assertThat(AuditRetention.parse("36501")).isNull();
        assertThat(AuditRetention.parse("-1")).isNull();
        assertThat(AuditRetention.parse("1.5")).isNull();
        assertThat(AuditRetention.parse("")).isNull();
        assertThat(AuditRetention.parse(null)).isNull();
    }
}
