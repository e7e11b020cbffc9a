package eu.unify.keycloak.audit.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;
import org.keycloak.provider.ProviderConfigProperty;

class AuditOptionsTest {

    private static AuditOptions recordingTokenRequests(boolean on) {
        return new AuditOptions(false, false, false, on, 365, 60, 1000, 60);
    }

    @Test
    void byDefaultSuccessfulTokenRequestsAreLeftOutAndEverythingElseIsRecorded() {
        AuditOptions defaults = AuditOptions.DEFAULTS;
        assertThat(defaults.recordTokenRequests()).isFalse();
        for (String type : List.of("CODE_TO_TOKEN", "REFRESH_TOKEN", "INTROSPECT_TOKEN", "USER_INFO_REQUEST")) {
            assertThat(defaults.records(type)).as(type).isFalse();
        }
        for (String type : List.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "CLIENT_LOGIN", "TOKEN_EXCHANGE", "IMPERSONATE",
                "RESET_PASSWORD", "UPDATE_PASSWORD", "FEDERATED_IDENTITY_LINK", "CUSTOM_REQUIRED_ACTION",
                "PERMISSION_TOKEN", "OAUTH2_DEVICE_CODE_TO_TOKEN")) {
            assertThat(defaults.records(type)).as(type).isTrue();
        }
    }

    @Test
    void theFailuresOfTokenRequestsAreAlwaysRecorded() {
        for (String type : AuditOptions.TOKEN_REQUESTS) {
            assertThat(AuditOptions.DEFAULTS.records(type + "_ERROR")).as(type + "_ERROR").isTrue();
        }
    }

    @Test
    void withTheOptionOnEveryTypeIsRecorded() {
        AuditOptions on = recordingTokenRequests(true);
        for (EventType type : EventType.values()) {
            assertThat(on.records(type.name())).as(type.name()).isTrue();
        }
    }

    /** A name that Keycloak no longer has would silently record its events again, were it ever renamed back. */
    @Test
    void everyTokenRequestIsAKeycloakEventTypeWithAnErrorType() {
        List<String> types = Arrays.stream(EventType.values()).map(Enum::name).toList();
        assertThat(types).containsAll(AuditOptions.TOKEN_REQUESTS);
        assertThat(types).containsAll(AuditOptions.TOKEN_REQUESTS.stream().map(type -> type + "_ERROR").toList());
    }

    @Test
    void everyOptionHasALabelAHelpTextAndADefault() {
        Map<String, ProviderConfigProperty> metadata = AuditOptions.metadata().stream()
                .collect(Collectors.toMap(ProviderConfigProperty::getName, property -> property));
        assertThat(metadata).containsOnlyKeys(AuditOptions.ALL_REALMS, AuditOptions.MASK_EMAIL, AuditOptions.LOG_JSON,
                AuditOptions.RECORD_TOKEN_REQUESTS, AuditOptions.RETENTION_DAYS, AuditOptions.PURGE_INTERVAL_MINUTES,
                AuditOptions.SEAL_INTERVAL_MILLIS, AuditOptions.CHECKPOINT_INTERVAL_MINUTES);
        metadata.values().forEach(property -> {
            assertThat(property.getLabel()).as(property.getName()).isNotBlank();
            assertThat(property.getHelpText()).as(property.getName()).isNotBlank();
            assertThat(property.getDefaultValue()).as(property.getName()).isNotNull();
        });
        assertThat(metadata.get(AuditOptions.RECORD_TOKEN_REQUESTS).getDefaultValue()).isEqualTo(false);
    }

    @Test
    void outOfRangeNumbersAreRefused() {
        assertThatThrownBy(() -> new AuditOptions(false, false, false, false, -1, 60, 1000, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditOptions(false, false, false, false, 365, 0, 1000, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditOptions(false, false, false, false, 365, 60, 5, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditOptions(false, false, false, false, 365, 60, 1000, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
