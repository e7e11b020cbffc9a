package eu.unify.keycloak.entitlements.mapper;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.representations.IDToken;

import eu.unify.keycloak.common.UnifyVersion;
import eu.unify.keycloak.entitlements.access.UserEntitlements;

/**
 * {@code unify-entitlements-mapper}: one claim with the user's services (client id and name), the customer numbers
 * they act for and their company. Built from the server's cached models only: no remote call per token. Keycloak
 * uses a protocol mapper as its own factory, so this class is public and stateless.
 */
public final class EntitlementsMapper extends AbstractOIDCProtocolMapper implements OIDCAccessTokenMapper,
        OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, ServerInfoAwareProviderFactory {

    public static final String ID = "unify-entitlements-mapper";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Unify entitlements";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds one claim with the user's Unify services (clients marked unify.service=true whose 'access' role "
                + "the user holds), the customer numbers they act for and their company (organisation).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EntitlementsMapperConfig.PROPERTIES;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        EntitlementsMapperConfig config = EntitlementsMapperConfig.of(mappingModel);
        UserModel user = userSession.getUser();
        Locale locale = config.language() != null ? config.language() : languageOf(user, userSession.getRealm());
        token.getOtherClaims().put(config.claimName(), UserEntitlements.of(session, user, locale).toClaim());
    }

    /** The user's stored language; the request's Accept-Language is no guide for a token that outlives it. */
    private static Locale languageOf(UserModel user, RealmModel realm) {
        String stored = user.getFirstAttribute(UserModel.LOCALE);
        if (stored != null && !stored.isBlank()) {
            return Locale.forLanguageTag(stored.trim());
        }
        String fallback = realm.getDefaultLocale();
        return fallback == null || fallback.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(fallback);
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
