package eu.unify.keycloak.legacy.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.provider.ProviderConfigProperty;

class MoveSettingsTest {

    @Test
    void emptyConfigurationIsTheSafeDefault() {
        MoveSettings settings = MoveSettings.of(new MultivaluedHashMap<>());
        assertThat(settings.waves().isEmpty()).as("no wave enabled").isTrue();
        assertThat(settings.credentials()).isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
        assertThat(settings.problems()).isEmpty();
        assertThat(MoveSettings.of((MultivaluedHashMap<String, String>) null).credentials())
                .isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
    }

    @Test
    void readsWavesAndCredentials() {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put(MoveSettings.WAVES, List.of("1", "2=2020-01-01"));
        config.putSingle(MoveSettings.CREDENTIALS, " generated-password ");
        MoveSettings settings = MoveSettings.of(config);
        assertThat(settings.waves().status("1", Instant.now())).isEqualTo(WaveSchedule.Status.OPTIONAL);
        assertThat(settings.waves().status("2", Instant.now())).isEqualTo(WaveSchedule.Status.MANDATORY);
        assertThat(settings.credentials()).isEqualTo(CredentialMode.GENERATED_PASSWORD);
        config.putSingle(MoveSettings.CREDENTIALS, "legacy-password");
        assertThat(MoveSettings.of(config).credentials()).isEqualTo(CredentialMode.LEGACY_PASSWORD);
    }

    @Test
    void unknownValuesFallBackAndAreReported() {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.put(MoveSettings.WAVES, List.of("1=soon"));
        config.putSingle(MoveSettings.CREDENTIALS, "carrier-pigeon");
        MoveSettings settings = MoveSettings.of(config);
        assertThat(settings.credentials()).isEqualTo(CredentialMode.ACTIVATION_MESSAGE);
        assertThat(settings.waves().wave("1")).isEmpty();
        assertThat(settings.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("Move: enabled waves:").contains("soon"))
                .anySatisfy(p -> assertThat(p).startsWith("Move: sub-account credentials:").contains("carrier-pigeon"));
    }

    @Test
    void everyOptionHasALabelAHelpTextAndASafeDefault() {
        assertThat(MoveSettings.PROPERTIES).hasSize(2).allSatisfy(p -> {
            assertThat(p.getLabel()).startsWith("Move: ");
            assertThat(p.getHelpText()).isNotBlank();
        });
        assertThat(MoveSettings.PROPERTIES.get(0).getType()).isEqualTo(ProviderConfigProperty.MULTIVALUED_STRING_TYPE);
        assertThat(MoveSettings.PROPERTIES.get(0).getDefaultValue()).as("no wave by default").isNull();
        assertThat(MoveSettings.PROPERTIES.get(1).getDefaultValue()).isEqualTo("activation-message");
        assertThat(MoveSettings.PROPERTIES.get(1).getOptions())
                .containsExactly("activation-message", "legacy-password", "generated-password");
    }
}
