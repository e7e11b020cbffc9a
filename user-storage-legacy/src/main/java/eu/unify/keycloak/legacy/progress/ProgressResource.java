package eu.unify.keycloak.legacy.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.common.json.UnifyJson;
import eu.unify.keycloak.common.rest.ApiErrors;
import eu.unify.keycloak.legacy.federation.LegacyUserStorageProviderFactory;
import eu.unify.keycloak.legacy.hash.HashDiagnosis;
import eu.unify.keycloak.legacy.move.FailedMails;
import eu.unify.keycloak.legacy.storage.LegacyAccount;
import eu.unify.keycloak.legacy.storage.LegacyStoreUnavailableException;

/**
 * {@code /admin/realms/{realm}/unify-legacy}: the progress of the legacy migration, per wave, for realm admins who may
 * view users (when a legacy store does not answer, 503 with the counts Keycloak has itself); the mails a move could
 * not send, and their resending; and the check of one account's hash settings.
 */
public final class ProgressResource {

    static final String UNAVAILABLE = "legacy_store_unavailable";

    private static final Logger LOG = Logger.getLogger(ProgressResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final LegacyUserStorageProviderFactory stores;

    ProgressResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                     AdminEventBuilder adminEvent, LegacyUserStorageProviderFactory stores) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.stores = stores;
    }

    private List<ComponentModel> legacyStores() {
        return ProgressCounts.legacyStores(realm);
    }

    @GET
    @Path("progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Response progress() {
        auth.users().requireView();
        ProgressCounts counts = ProgressCounts.of(session, realm, stores);
        ProgressReport report = ProgressReport.of(realm.getName(), counts, failedMailList());
        if (counts.complete()) {
            return json(report);
        }
        String message = "No totals from the legacy store " + String.join(", ", counts.silent().stream()
                .map(n -> "'" + n + "'").toList()) + " (see stores[].error), so total and pending are unknown; "
                + "imported and moved are Keycloak's own counts.";
        return ApiErrors.response(503, UNAVAILABLE, message, report);
    }

    private static Response json(Object answer) {
        return Response.ok(UnifyJson.write(answer), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The daily snapshots of the realm's totals, oldest first. */
    public record HistoryJson(String realm, List<ProgressHistory.Snapshot> snapshots) {
    }

    @GET
    @Path("progress/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response history() {
        auth.users().requireView();
        return json(new HistoryJson(realm.getName(), ProgressHistory.of(realm)));
    }

    /**
     * Takes today's snapshot now (replacing one already taken today), e.g. right after a wave; the daily task takes
     * one anyway. Needs manage-users.
     */
    @POST
    @Path("progress/history")
    @Produces(MediaType.APPLICATION_JSON)
    public Response takeSnapshot() {
        auth.users().requireManage();
        List<ProgressHistory.Snapshot> history = ProgressHistory.record(realm, ProgressHistory.Snapshot.of(
                ProgressHistory.today(), ProgressCounts.of(session, realm, stores).totals()));
        adminEvent.resource(ResourceType.REALM).operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri()).success();
        return json(new HistoryJson(realm.getName(), history));
    }

    /** The history as a chart: an SVG image an admin opens in the browser (or saves with curl). */
    @GET
    @Path("progress/chart")
    @Produces("image/svg+xml")
    public Response chart() {
        auth.users().requireView();
        return Response.ok(ProgressHistory.chart(realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName(), ProgressHistory.of(realm)), "image/svg+xml")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    /** The accounts whose mail from the move failed. */
    public record FailedMailsJson(List<ProgressReport.FailedMail> failedMails) {
    }

    /** What a resend did: how many went out, how many failed again, and what is still to send. */
    public record ResendJson(int resent, int failed, List<ProgressReport.FailedMail> failedMails) {
    }

    @GET
    @Path("failed-mails")
    @Produces(MediaType.APPLICATION_JSON)
    public Response failedMails() {
        auth.users().requireView();
        return json(new FailedMailsJson(failedMailList()));
    }

    private List<ProgressReport.FailedMail> failedMailList() {
        return FailedMails.list(session, realm).stream()
                .map(entry -> new ProgressReport.FailedMail(entry.user().getId(), entry.user().getUsername(), entry.kind().id()))
                .toList();
    }

    /**
     * Sends every failed move mail again, each as it failed: the activation message, a newly generated password, or
     * the new sign-in name. A mail that fails again stays on the list.
     */
    @POST
    @Path("failed-mails/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resendFailedMails() {
        auth.users().requireManage();
        int resent = 0;
        int failed = 0;
        for (FailedMails.Entry entry : FailedMails.list(session, realm)) {
            try {
                FailedMails.resend(session, realm, entry);
                resent++;
            } catch (EmailException | RuntimeException e) {
                LOG.warnf("legacy move: the %s mail to user %s failed again (%s)", entry.kind().id(),
                        entry.user().getId(), e.getClass().getSimpleName());
                failed++;
            }
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resent", resent);
        outcome.put("failed", failed);
        adminEvent.resource(ResourceType.USER).operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri()).representation(outcome).success();
        return json(new ResendJson(resent, failed, failedMailList()));
    }

    /**
     * The request of the hash check: the legacy store (its component id or name; may be left out when the realm has
     * one), the legacy username, and optionally the password the account holder types with the admin.
     */
    public record HashCheckRequest(String store, String username, String password) {
    }

    /**
     * The answer of the hash check; never the hash, the salt or the password.
     *
     * @see HashDiagnosis
     */
    public record HashCheckJson(String store, String username, boolean hashPresent, boolean saltColumn,
                                String hashAlgorithmColumn, List<String> appearsToBe, String readAs,
                                boolean passwordChecked, Boolean matches, String matchingScheme) {
    }

    /**
     * Tests one account's hash settings: which scheme the stored hash appears to use and how the store reads it,
     * and, given the password, whether it matches and with which scheme and salt position. Changes nothing. Needs
     * manage-users (it checks a password of a user), and is recorded as an admin event without the password.
     */
    @POST
    @Path("hash-check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response hashCheck(HashCheckRequest request) {
        auth.users().requireManage();
        if (request == null || request.username() == null || request.username().isBlank()) {
            return ApiErrors.response(400, "invalid_request", "Give the legacy username.");
        }
        List<ComponentModel> candidates = legacyStores().stream()
                .filter(c -> request.store() == null || request.store().isBlank()
                        || request.store().equals(c.getId()) || request.store().equals(c.getName()))
                .toList();
        if (candidates.size() != 1) {
            return ApiErrors.response(candidates.isEmpty() ? 404 : 400,
                    candidates.isEmpty() ? "legacy_store_not_found" : "invalid_request",
                    candidates.isEmpty() ? "The realm has no unify-legacy store of that id or name."
                            : "The realm has several unify-legacy stores: name one in 'store'.");
        }
        ComponentModel store = candidates.get(0);
        Optional<LegacyAccount> account;
        try {
            account = stores.pools().findByUsername(store, request.username().strip());
        } catch (LegacyStoreUnavailableException e) {
            return ApiErrors.response(503, UNAVAILABLE, StoreFailure.describe(e, "find by username"));
        }
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("store", store.getName());
        audit.put("account", LegacyAccount.reference(request.username().strip()));
        if (account.isEmpty()) {
            audit.put("found", false);
            adminEvent.resource(ResourceType.USER_FEDERATION_PROVIDER).operation(OperationType.ACTION)
                    .resourcePath(session.getContext().getUri()).representation(audit).success();
            return ApiErrors.response(404, "legacy_account_not_found",
                    "The store's query 'find by username' finds no account (or more than one) of that name.");
        }
        LegacyAccount row = account.get();
        boolean hashPresent = row.passwordHash() != null && !row.passwordHash().isBlank();
        HashDiagnosis diagnosis = HashDiagnosis.of(stores.pools().digestSettings(store), row.passwordHash(),
                row.passwordSalt(), row.hashAlgorithm(), request.password());
        audit.put("passwordChecked", diagnosis.passwordChecked());
        audit.put("matches", diagnosis.matches());
        audit.put("matchingScheme", diagnosis.matchingScheme());
        adminEvent.resource(ResourceType.USER_FEDERATION_PROVIDER).operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri()).representation(audit).success();
        return json(new HashCheckJson(store.getName(), row.username(), hashPresent, diagnosis.saltColumn(),
                row.hashAlgorithm(), diagnosis.appearsToBe(), diagnosis.readAs(), diagnosis.passwordChecked(),
                diagnosis.matches(), diagnosis.matchingScheme()));
    }
}
