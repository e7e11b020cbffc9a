package eu.unify.keycloak.audit.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import eu.unify.keycloak.audit.jpa.AuditStore;
import eu.unify.keycloak.audit.listener.AuditCheckpoints;
import eu.unify.keycloak.audit.listener.AuditRetention;
import eu.unify.keycloak.audit.record.AuditCsv;
import eu.unify.keycloak.audit.record.AuditJson;
import eu.unify.keycloak.audit.record.AuditQuery;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainVerification;
import eu.unify.keycloak.common.json.UnifyJson;
import eu.unify.keycloak.common.rest.ApiErrors;

/**
 * {@code /admin/realms/{realm}/unify-audit}: query, export and verify the realm's audit trail (realm admins with
 * {@code view-events}), and its retention ({@code manage-events} to change or purge). Bad parameters get 400 with
 * Unify's one error body ({@link ApiErrors}): {@code {"error":"invalid_parameter","message":"..."}}.
 */
public final class AuditResource {

    static final String CSV = "text/csv; charset=utf-8";
    static final String JSON_LINES = "application/x-ndjson; charset=utf-8";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final int defaultRetentionDays;
    private final long unrecordedEvents;
    private final boolean recordsTokenRequests;

    AuditResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                  int defaultRetentionDays, long unrecordedEvents, boolean recordsTokenRequests) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
        this.defaultRetentionDays = defaultRetentionDays;
        this.unrecordedEvents = unrecordedEvents;
        this.recordsTokenRequests = recordsTokenRequests;
    }

    /** A page of records, newest first. */
    @GET
    @Path("records")
    @Produces(MediaType.APPLICATION_JSON)
    public Response records(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("type") List<String> types, @QueryParam("user") String user,
                            @QueryParam("client") String client, @QueryParam("first") String first,
                            @QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        AuditQuery query;
        try {
            query = AuditQuery.parse(from, to, types, user, client, first, max, AuditQuery.DEFAULT_PAGE,
                    AuditQuery.MAX_PAGE);
        } catch (AuditQuery.InvalidQueryException e) {
            return badRequest(e.getMessage());
        }
        List<AuditRecord> found = AuditStore.of(session).find(realm.getId(), query.withOneMore(), false);
        boolean hasMore = found.size() > query.max();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("first", query.first());
        page.put("max", query.max());
        page.put("hasMore", hasMore);
        page.put("records", found.stream().limit(query.max()).map(AuditJson::members).toList());
        return Response.ok(UnifyJson.write(page), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Matching records oldest first, as CSV or JSON lines ({@code format=csv|jsonl}), at most 10,000 per call. */
    @GET
    @Path("export")
    public Response export(@QueryParam("format") String format, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("type") List<String> types,
                           @QueryParam("user") String user, @QueryParam("client") String client,
                           @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        return export(realm.getId(), realm.getName(), format, from, to, types, user, client, first, max);
    }

    private Response export(String realmId, String realmName, String format, String from, String to,
                            List<String> types, String user, String client, String first, String max) {
        boolean csv = "csv".equals(format);
        if (!csv && format != null && !"jsonl".equals(format)) {
            return badRequest("'format' must be csv or jsonl");
        }
        AuditQuery query;
        try {
            query = AuditQuery.parse(from, to, types, user, client, first, max, AuditQuery.MAX_EXPORT,
                    AuditQuery.MAX_EXPORT);
        } catch (AuditQuery.InvalidQueryException e) {
            return badRequest(e.getMessage());
        }
        List<AuditRecord> found = AuditStore.of(session).find(realmId, query, true);
        StringBuilder body = new StringBuilder(found.size() * 400 + 200);
        if (csv) {
            body.append(AuditCsv.header());
            found.forEach(record -> body.append(AuditCsv.row(record)));
        } else {
            found.forEach(record -> body.append(AuditJson.of(record)).append('\n'));
        }
        String name = realmName == null ? realmId : realmName;
        String file = "unify-audit-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + (csv ? ".csv" : ".jsonl");
        return Response.ok(body.toString(), csv ? CSV : JSON_LINES)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * Walks the realm's chain: the first broken link, the sealed range, and what still waits to be sealed (how many,
     * how old the oldest is).
     */
    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify() {
        auth.realm().requireViewEvents();
        return Response.ok(UnifyJson.write(verification(realm.getId())), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * As {@link #verify()}, and checks a checkpoint handed back ({@code {"checkpoint":"<signed>"}}, as logged or read
     * from {@code checkpoints}): whether it is this realm's, signed with its key, and whether the trail still holds it.
     */
    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyCheckpoint(Map<String, Object> body) {
        auth.realm().requireViewEvents();
        if (body == null || !(body.get("checkpoint") instanceof String signed) || signed.isBlank()
                || signed.length() > 8000) {
            return badRequest("the body must be {\"checkpoint\": \"<signed checkpoint>\"}");
        }
        Map<String, Object> report = verification(realm.getId());
        AuditCheckpoints.Verdict verdict = AuditCheckpoints.verify(session, realm, signed);
        Map<String, Object> checkpoint = new LinkedHashMap<>();
        checkpoint.put("signatureValid", verdict.signatureValid());
        checkpoint.put("seq", verdict.seq());
        checkpoint.put("hash", verdict.hash());
        checkpoint.put("time", verdict.time() == null ? null : Instant.ofEpochMilli(verdict.time()).toString());
        checkpoint.put("contained", verdict.contained());
        checkpoint.put("reason", verdict.reason());
        report.put("checkpoint", checkpoint);
        return Response.ok(UnifyJson.write(report), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Map<String, Object> verification(String realmId) {
        AuditStore.Report report = AuditStore.of(session).verify(realmId);
        ChainVerification.Result result = report.chain();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", result.valid());
        json.put("checked", result.checked());
        Map<String, Object> sealed = new LinkedHashMap<>();
        sealed.put("firstSeq", report.lastSeq() >= report.firstSeq() ? report.firstSeq() : null);
        sealed.put("lastSeq", report.lastSeq() >= report.firstSeq() ? report.lastSeq() : null);
        json.put("sealed", sealed);
        json.put("unsealed", report.unsealed());
        json.put("oldestUnsealedAgeSeconds", report.oldestUnsealedTime() == null ? null
                : Math.max(0, (Time.currentTimeMillis() - report.oldestUnsealedTime()) / 1000));
        if (!result.valid()) {
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("seq", result.brokenSeq());
            broken.put("id", result.brokenId());
            broken.put("reason", result.reason());
            json.put("brokenAt", broken);
        }
        return json;
    }

    /** The realm's latest signed checkpoints, newest first ({@code max} 1–100, default 10). */
    @GET
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpoints(@QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        int count;
        try {
            count = max == null ? 10 : Integer.parseInt(max);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 100) {
            return badRequest("'max' must be a whole number between 1 and 100");
        }
        List<Map<String, Object>> list = AuditCheckpoints.latest(session, realm.getId(), count).stream()
                .map(AuditResource::checkpointJson).toList();
        return Response.ok(UnifyJson.write(Map.of("checkpoints", list)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Makes a signed checkpoint of the realm's chain now (also logged, like the scheduled ones). */
    @POST
    @Path("checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Response createCheckpoint() {
        auth.realm().requireManageEvents();
        AuditCheckpoints.Checkpoint made = AuditCheckpoints.create(session, realm);
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).success();
        return Response.ok(UnifyJson.write(checkpointJson(made)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Map<String, Object> checkpointJson(AuditCheckpoints.Checkpoint checkpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", checkpoint.seq());
        json.put("hash", checkpoint.hash());
        json.put("time", Instant.ofEpochMilli(checkpoint.time()).toString());
        json.put("signed", checkpoint.signed());
        return json;
    }

    /**
     * The trails kept of deleted realms (master realm only, {@code view-events} there): each realm's id, its name and
     * time of deletion, its retention then and how many records are left.
     */
    @GET
    @Path("deleted-realms")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deletedRealms() {
        requireServerAuditor();
        List<Map<String, Object>> realms = AuditStore.of(session).deletedRealms().stream()
                .filter(deleted -> session.realms().getRealm(deleted.realmId()) == null)
                .map(this::deletedRealmJson)
                .toList();
        return Response.ok(UnifyJson.write(Map.of("realms", realms)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Map<String, Object> deletedRealmJson(AuditStore.DeletedRealm deleted) {
        Integer days = deleted.retentionDays();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("realmId", deleted.realmId());
        json.put("realmName", deleted.realmName());
        json.put("deletedAt", Instant.ofEpochMilli(deleted.deletedAt()).toString());
        json.put("retentionDays", days == null ? defaultRetentionDays : days);
        json.put("records", deleted.records());
        return json;
    }

    /** A deleted realm's records, as {@link #export} exports a live realm's. */
    @GET
    @Path("deleted-realms/{realmId}/export")
    public Response exportDeleted(@PathParam("realmId") String realmId, @QueryParam("format") String format,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("type") List<String> types, @QueryParam("user") String user,
                                  @QueryParam("client") String client, @QueryParam("first") String first,
                                  @QueryParam("max") String max) {
        requireServerAuditor();
        AuditStore.DeletedRealm deleted = deletedRealm(realmId);
        return export(deleted.realmId(), deleted.realmName(), format, from, to, types, user, client, first, max);
    }

    /** Walks a deleted realm's chain, as {@link #verify()} does a live realm's. */
    @GET
    @Path("deleted-realms/{realmId}/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verifyDeleted(@PathParam("realmId") String realmId) {
        requireServerAuditor();
        return Response.ok(UnifyJson.write(verification(deletedRealm(realmId).realmId())),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Deleted realms belong to no realm admin any more: only the server's (master realm) auditors see them. */
    private void requireServerAuditor() {
        if (!Config.getAdminRealm().equals(realm.getName())) {
            throw new NotFoundException();
        }
        auth.realm().requireViewEvents();
    }

    private AuditStore.DeletedRealm deletedRealm(String realmId) {
        return AuditStore.of(session).deletedRealms().stream()
                .filter(deleted -> deleted.realmId().equals(realmId))
                .filter(deleted -> session.realms().getRealm(realmId) == null)
                .findFirst().orElseThrow(NotFoundException::new);
    }

    /**
     * The retention that applies, whether it is the realm's own or the server's, and where the realm's own is kept:
     * {@code console} (the admin console tab), {@code attribute} (the realm attribute of before the tab) or null.
     */
    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> settings() {
        auth.realm().requireViewEvents();
        AuditRetention.Setting own = AuditRetention.setting(realm);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("retentionDays", own.daysOr(defaultRetentionDays));
        settings.put("retentionSource", own.days() == null ? "server" : "realm");
        settings.put("retentionStore", switch (own.store()) {
            case CONSOLE -> "console";
            case ATTRIBUTE -> "attribute";
            case NONE -> null;
        });
        settings.put("serverDefaultRetentionDays", defaultRetentionDays);
        settings.put("unrecordedEventsSinceStart", unrecordedEvents);
        // What the trail holds: without it, no successful token request is on it (their failures are).
        settings.put("recordsTokenRequests", recordsTokenRequests);
        return settings;
    }

    /**
     * Sets the realm's retention: {@code {"retentionDays": 90}} (0 keeps records forever, null restores the default).
     * It is written where the admin console's tab shows it, so both always show the same value.
     */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateSettings(Map<String, Object> body) {
        auth.realm().requireManageEvents();
        if (body == null || !body.containsKey("retentionDays")) {
            return badRequest("the body must be {\"retentionDays\": <days>}");
        }
        Object days = body.get("retentionDays");
        Integer parsed = null;
        if (days != null) {
            parsed = days instanceof Number number && number.doubleValue() == number.longValue()
                    ? AuditRetention.parse(Long.toString(number.longValue())) : null;
            if (parsed == null) {
                return badRequest("'retentionDays' must be a whole number between 0 and " + AuditRetention.maxDays());
            }
        }
        try {
            AuditRetention.set(session, realm, parsed);
        } catch (IllegalStateException e) {
            return ApiErrors.response(409, "conflict", e.getMessage());
        }
        // Shortening the retention deletes evidence sooner: the change itself goes on the trail.
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri()).success();
        return Response.ok(UnifyJson.write(settings()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Deletes the records past the realm's retention now, instead of waiting for the scheduled purge. */
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response purge() {
        auth.realm().requireManageEvents();
        int purged = AuditRetention.purgeExpired(session, realm, defaultRetentionDays);
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri()).success();
        return Response.ok(UnifyJson.write(Map.of("purged", purged)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response badRequest(String message) {
        return ApiErrors.response(400, "invalid_parameter", message);
    }
}
