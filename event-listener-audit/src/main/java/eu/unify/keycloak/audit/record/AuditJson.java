package eu.unify.keycloak.audit.record;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import eu.unify.keycloak.common.json.UnifyJson;

/**
 * A record as one JSON object on one line (Jackson, through {@link UnifyJson}): the query response, the JSON-lines
 * export and the SIEM log line. Every member is always there, {@code null} when the record has no value.
 */
public final class AuditJson {

    private AuditJson() {
    }

    /** The record's members in their published order. */
    public static Map<String, Object> members(AuditRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("seq", r.seq());
        json.put("time", Instant.ofEpochMilli(r.time()).toString());
        json.put("realmId", r.realmId());
        json.put("kind", r.kind());
        json.put("type", r.type());
        json.put("outcome", r.outcome());
        json.put("error", r.error());
        json.put("userId", r.userId());
        json.put("username", r.username());
        json.put("clientId", r.clientId());
        json.put("ipAddress", r.ipAddress());
        json.put("sessionId", r.sessionId());
        json.put("resourceType", r.resourceType());
        json.put("resourcePath", r.resourcePath());
        json.put("details", new TreeMap<>(r.details()));
        json.put("prevHash", r.prevHash());
        json.put("hash", r.hash());
        return json;
    }

    public static String of(AuditRecord r) {
        return UnifyJson.write(members(r));
    }

    /** The details as a JSON object, keys sorted (the CSV's details column). */
    public static String details(Map<String, String> details) {
        return UnifyJson.write(new TreeMap<>(details));
    }
}
