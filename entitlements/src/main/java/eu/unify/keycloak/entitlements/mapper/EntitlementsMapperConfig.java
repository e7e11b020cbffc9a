package eu.unify.keycloak.entitlements.mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Options of {@code unify-entitlements-mapper}; an empty field means its default. */
final class EntitlementsMapperConfig {

    static final String CLAIM_NAME = OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME;
    static final String DEFAULT_CLAIM_NAME = "entitlements";
    static final String LANGUAGE = "unify.service.language";

    static final List<ProviderConfigProperty> PROPERTIES = properties();

    private final String claimName;
    private final Locale language;

    private EntitlementsMapperConfig(String claimName, Locale language) {
        this.claimName = claimName;
        this.language = language;
    }

    static EntitlementsMapperConfig of(ProtocolMapperModel model) {
        Map<String, String> config = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String claim = config.get(CLAIM_NAME);
        String language = config.get(LANGUAGE);
        return new EntitlementsMapperConfig(claim == null || claim.isBlank() ? DEFAULT_CLAIM_NAME : claim.trim(),
                language == null || language.isBlank() ? null : Locale.forLanguageTag(language.trim()));
    }

    String claimName() {
        return claimName;
    }

    /** The fixed language of the service names, or null for the user's own language. */
    Locale language() {
        return language;
    }

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(CLAIM_NAME)
                .label("Token claim name")
                .helpText("Name of the one claim that carries the user's services, customer numbers and company. "
                        + "Taken literally (a dot does not nest it). Default '" + DEFAULT_CLAIM_NAME + "'.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_CLAIM_NAME).add()
                .property().name(LANGUAGE)
                .label("Service name language")
                .helpText("Language tag (en, fi, de, sl) of the service names in the claim. Empty: the user's own "
                        + "language (their locale attribute), else the realm's default language.")
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue("").add()
                .build());
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, EntitlementsMapper.class);
        return List.copyOf(properties);
    }
}
