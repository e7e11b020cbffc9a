package eu.unify.keycloak.entitlements.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;

class EntitlementsMapperConfigTest {

    @Test
    void emptyFieldsMeanTheDefaults() {
        assertThat(EntitlementsMapperConfig.of(null).claimName()).isEqualTo("entitlements");
        EntitlementsMapperConfig config = EntitlementsMapperConfig.of(model(Map.of("claim.name", " ",
                "unify.service.language", "")));
        assertThat(config.claimName()).isEqualTo("entitlements");
        assertThat(config.language()).as("the user's own language").isNull();
    }

    @Test
    void readsTheClaimNameAndAFixedLanguage() {
        EntitlementsMapperConfig config = EntitlementsMapperConfig.of(model(Map.of("claim.name", "unify",
                "unify.service.language", "fi")));
        assertThat(config.claimName()).isEqualTo("unify");
        assertThat(config.language()).isEqualTo(Locale.forLanguageTag("fi"));
    }

    @Test
    void everyOptionHasALabelAHelpTextAndTheTokensAreOptions() {
        assertThat(EntitlementsMapperConfig.PROPERTIES).allSatisfy(property -> {
            assertThat(property.getLabel()).isNotBlank();
            assertThat(property.getHelpText()).isNotBlank();
        });
        assertThat(EntitlementsMapperConfig.PROPERTIES).extracting(ProviderConfigProperty::getName)
                .contains("claim.name", "access.token.claim", "id.token.claim", "userinfo.token.claim",
                        "introspection.token.claim");
        assertThat(new EntitlementsMapper().getId()).isEqualTo("unify-entitlements-mapper");
    }

    private static ProtocolMapperModel model(Map<String, String> config) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setConfig(new HashMap<>(config));
        return model;
    }
}
