package eu.unify.keycloak.audit.console;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import eu.unify.keycloak.audit.listener.AuditRetention;
import eu.unify.keycloak.common.UnifyVersion;

/**
 * The admin console tab <em>Realm settings → Audit trail</em> (Keycloak's ui-tab SPI, on with the feature
 * {@code declarative-ui}): a form whose values Keycloak keeps as one realm component of type
 * {@link AuditRetention#TAB_TYPE}, provider {@value AuditRetention#TAB_ID}. Its field is the realm's retention, which the
 * audit trail reads from here first (see {@link AuditRetention}). Keycloak creates nothing from the component: the
 * factory only describes the form, validates what is saved, and moves the retention attribute realms had before the
 * tab into it, when a realm is imported and when the server starts.
 */
public final class AuditRetentionTabFactory implements UiTabProviderFactory<ComponentModel>,
        ServerInfoAwareProviderFactory {

    private static final Logger LOG = Logger.getLogger(AuditRetentionTabFactory.class);

    /** The tab's route in the console: a tab of the realm settings, at {@code .../realm-settings/unify-audit}. */
    static final String PATH = "/:realm/realm-settings/:tab?";

    @Override
    public String getId() {
        return AuditRetention.TAB_ID;
    }

    @Override
    public String getHelpText() {
        return "Realm settings tab of the audit trail: the realm's retention";
    }

    @Override
    public String getPath() {
        return PATH;
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", AuditRetention.TAB_ID);
    }

    /** Labels and help are message keys: the console translates them (theme-resources/messages, four languages). */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(AuditRetention.TAB_FIELD).type(ProviderConfigProperty.INTEGER_TYPE)
                .label("unify-audit-retention-days")
                .helpText("unify-audit-retention-days-help")
                .add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        RetentionField.check(model.getConfig().get(AuditRetention.TAB_FIELD));
        if (model.getParentId() != null && !model.getParentId().equals(realm.getId())) {
            throw new ComponentValidationException(RetentionField.NOT_REALM);
        }
        // One per realm: the console edits the first it finds, the audit trail reads the lowest id.
        boolean another = realm.getComponentsStream(realm.getId(), AuditRetention.TAB_TYPE)
                .anyMatch(other -> AuditRetention.TAB_ID.equals(other.getProviderId())
                        && !other.getId().equals(model.getId()));
        if (another) {
            throw new ComponentValidationException(RetentionField.DUPLICATE);
        }
    }

    /** From now on the tab holds the realm's retention: the attribute of before no longer applies. */
    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        realm.removeAttribute(AuditRetention.ATTRIBUTE);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        realm.removeAttribute(AuditRetention.ATTRIBUTE);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                // A realm import (or a realm export of before the tab) may carry the attribute.
                moveAttribute(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent migrated) {
                // Realms that had the attribute before the tab was installed; once moved, this finds none.
                KeycloakModelUtils.runJobInTransaction(migrated.getFactory(),
                        session -> session.realms().getRealmsStream().forEach(this::moveAttribute));
            }
        });
    }

    private void moveAttribute(RealmModel realm) {
        if (AuditRetention.moveAttributeIntoTab(realm)) {
            LOG.infof("Realm %s: audit retention moved from the realm attribute %s into the admin console tab %s",
                    realm.getName(), AuditRetention.ATTRIBUTE, AuditRetention.TAB_ID);
        }
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return UnifyVersion.operationalInfo();
    }
}
