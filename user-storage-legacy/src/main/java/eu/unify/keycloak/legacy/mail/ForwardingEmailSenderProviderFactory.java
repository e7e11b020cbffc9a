package eu.unify.keycloak.legacy.mail;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.email.EmailSenderProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import eu.unify.keycloak.common.UnifyVersion;

/**
 * {@code unify-forwarding}: the mail sender of the legacy migration's mail forwarding. It wraps Keycloak's own
 * sender ({@code default}, or the one named by {@code --spi-email-sender--unify-forwarding--delegate}). Selected
 * server-wide, at build time, with {@code --spi-email-sender--provider-default=unify-forwarding}: "provider-default"
 * makes it the sender Keycloak uses and keeps the others loaded, whereas {@code --spi-email-sender--provider} would
 * load it alone and leave nothing to wrap.
 */
public final class ForwardingEmailSenderProviderFactory implements EmailSenderProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String ID = "unify-forwarding";
    static final String DELEGATE_OPTION = "delegate";
    static final String DEFAULT_DELEGATE = "default";

    private static final Logger LOG = Logger.getLogger(ForwardingEmailSenderProviderFactory.class);

    private String delegateId = DEFAULT_DELEGATE;

    @Override
    public EmailSenderProvider create(KeycloakSession session) {
        return new ForwardingEmailSenderProvider(session, session.getProvider(EmailSenderProvider.class, delegateId),
                delegateId);
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get(DELEGATE_OPTION, DEFAULT_DELEGATE);
        if (configured == null || configured.isBlank() || ID.equals(configured)) {
            LOG.warnf("unify-forwarding cannot wrap '%s'; it wraps Keycloak's '%s' sender", configured,
                    DEFAULT_DELEGATE);
            configured = DEFAULT_DELEGATE;
        }
        delegateId = configured.trim();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(EmailSenderProvider.class, delegateId) == null) {
            LOG.errorf("unify-forwarding has no mail sender '%s' to wrap, so Keycloak cannot send mail. Select it with "
                    + "--spi-email-sender--provider-default=unify-forwarding (not --spi-email-sender--provider, which "
                    + "unloads every other sender).", delegateId);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(DELEGATE_OPTION).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The mail sender that actually delivers (a provider id of the email-sender SPI). Default "
                        + "'default', Keycloak's SMTP sender.")
                .defaultValue(DEFAULT_DELEGATE).add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new java.util.LinkedHashMap<>(UnifyVersion.operationalInfo());
        info.put("delegate", delegateId);
        return info;
    }
}
