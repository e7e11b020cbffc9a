package eu.unify.keycloak.it.audit;

import java.util.List;

import org.keycloak.testframework.realm.RealmBuilder;

import eu.unify.keycloak.it.UnifyRealmConfig;

/**
 * The Unify realm with the audit listener switched on as an admin does it (Realm settings → Events → Event
 * listeners). Keycloak's own event store stays off: the audit trail must not depend on it.
 */
public class AuditRealmConfig extends UnifyRealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return super.configure(realm).update(rep -> {
            rep.setEventsListeners(List.of("jboss-logging", "unify-audit"));
            rep.setEventsEnabled(false);
            rep.setAdminEventsEnabled(false);
        });
    }
}
