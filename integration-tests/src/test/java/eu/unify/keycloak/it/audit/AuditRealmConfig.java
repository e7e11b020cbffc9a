package eu.unify.keycloak.it.audit;

import java.util.List;
import java.util.UUID;

import org.keycloak.testframework.realm.RealmBuilder;

import eu.unify.keycloak.it.UnifyRealmConfig;

/**
 * The Unify realm with the audit listener switched on as an admin does it (Realm settings → Events → Event
 * listeners). Keycloak's own event store stays off: the audit trail must not depend on it. Each class's realm gets
 * an id of its own, as realms made in the console do: the test framework would otherwise give every class's realm
 * the id "default", and as a realm re-created under its old id continues its kept chain, one class's purge would
 * reach the records of the classes before it (which the suite's secret scan wants to see).
 */
public class AuditRealmConfig extends UnifyRealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        return super.configure(realm).update(rep -> {
            rep.setId(UUID.randomUUID().toString());
            rep.setEventsListeners(List.of("jboss-logging", "unify-audit"));
            rep.setEventsEnabled(false);
            rep.setAdminEventsEnabled(false);
        });
    }
}
