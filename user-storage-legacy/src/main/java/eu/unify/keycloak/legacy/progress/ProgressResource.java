package eu.unify.keycloak.legacy.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

import eu.unify.keycloak.legacy.storage.LegacyStoreUnavailableException;
import eu.unify.keycloak.legacy.federation.LegacyUserStorageProviderFactory;

/**
 * {@code /admin/realms/{realm}/unify-legacy}: the progress of the legacy migration, per wave, for realm admins who may
 * view users. When a legacy store does not answer, the answer is 503 with the counts Keycloak has itself.
 */
public final class ProgressResource {

    static final String UNAVAILABLE = "legacy_store_unavailable";

    private static final Logger LOG = Logger.getLogger(ProgressResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final LegacyUserStorageProviderFactory stores;

    ProgressResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                     LegacyUserStorageProviderFactory stores) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.stores = stores;
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress() {
        auth.users().requireView();
        List<ComponentModel> legacyStores = realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> LegacyUserStorageProviderFactory.ID.equals(c.getProviderId()))
                .toList();

        Map<String, Long> totals = new HashMap<>();
        List<ProgressJson.Store> described = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (ComponentModel store : legacyStores) {
            boolean enabled = new UserStorageProviderModel(store).isEnabled();
            if (!enabled) {
                described.add(new ProgressJson.Store(store.getId(), store.getName(), false, false, null));
                continue;
            }
            try {
                stores.countByWave(store).forEach((wave, count) -> totals.merge(wave, count, Long::sum));
                described.add(new ProgressJson.Store(store.getId(), store.getName(), true, true, null));
            } catch (LegacyStoreUnavailableException e) {
                LOG.warnf("migration progress of realm %s: no totals from legacy store %s: %s", realm.getName(),
                        store.getName(), e.getMessage());
                silent.add(store.getName());
                described.add(new ProgressJson.Store(store.getId(), store.getName(), true, false,
                        StoreFailure.describe(e)));
            }
        }

        LocalMigrationCounts local = new LocalMigrationCounts(session);
        boolean complete = silent.isEmpty();
        List<WaveProgress> waves = WaveProgress.of(complete ? totals : null,
                local.imported(realm, legacyStores.stream().map(ComponentModel::getId).toList()), local.moved(realm));
        WaveProgress sum = WaveProgress.sum(waves, complete);
        if (complete) {
            return Response.ok(ProgressJson.report(realm.getName(), described, waves, sum, null, null),
                    MediaType.APPLICATION_JSON_TYPE).build();
        }
        String message = "No totals from the legacy store " + String.join(", ", silent.stream()
                .map(n -> "'" + n + "'").toList()) + " (see stores[].error), so total and pending are unknown; "
                + "imported and moved are Keycloak's own counts.";
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ProgressJson.report(realm.getName(), described, waves, sum, UNAVAILABLE, message)).build();
    }
}
