package eu.unify.keycloak.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

import eu.unify.keycloak.audit.listener.AuditRetention;

class AuditRetentionTabFactoryTest {

    private final AuditRetentionTabFactory tab = new AuditRetentionTabFactory();

    /** The console puts a tab on every page whose route matches the path, at the path filled with the params. */
    @Test
    void isATabOfTheRealmSettings() {
        assertThat(tab.getTypeMetadata()).containsEntry("path", "/:realm/realm-settings/:tab?")
                .containsEntry("params", Map.of("tab", AuditRetention.TAB_ID));
        assertThat(tab.getId()).isEqualTo(AuditRetention.TAB_ID);
    }

    /** No default value: the console would save it as the realm's own retention on the first save. */
    @Test
    void theRetentionFieldIsAnIntegerThatStartsEmpty() {
        assertThat(tab.getConfigProperties()).singleElement().satisfies(field -> {
            assertThat(field.getName()).isEqualTo(AuditRetention.TAB_FIELD);
            assertThat(field.getType()).isEqualTo(ProviderConfigProperty.INTEGER_TYPE);
            assertThat(field.getDefaultValue()).isNull();
            assertThat(field.isRequired()).isFalse();
        });
    }
}
