package eu.unify.keycloak.audit.record;

import java.time.Instant;
import java.util.Map;

/** A record as one JSON object on one line: the query response, the JSON-lines export and the SIEM log line. */
public final class AuditJson {

    private AuditJson() {
    }

    public static String of(AuditRecord r) {
        StringBuilder json = new StringBuilder(512).append('{');
        member(json, "id", r.id(), true);
        member(json, "seq", r.seq());
        member(json, "time", Instant.ofEpochMilli(r.time()).toString(), true);
        member(json, "realmId", r.realmId(), true);
        member(json, "kind", r.kind(), true);
        member(json, "type", r.type(), true);
        member(json, "outcome", r.outcome(), true);
        member(json, "error", r.error(), true);
        member(json, "userId", r.userId(), true);
        member(json, "username", r.username(), true);
        member(json, "clientId", r.clientId(), true);
        member(json, "ipAddress", r.ipAddress(), true);
        member(json, "sessionId", r.sessionId(), true);
        member(json, "resourceType", r.resourceType(), true);
        member(json, "resourcePath", r.resourcePath(), true);
        json.append("\"details\":").append(details(r.details())).append(',');
        member(json, "prevHash", r.prevHash(), true);
        member(json, "hash", r.hash(), false);
        return json.append('}').toString();
    }

    /** The details as a JSON object, keys sorted. */
    public static String details(Map<String, String> details) {
        StringBuilder json = new StringBuilder().append('{');
        boolean first = true;
        for (Map.Entry<String, String> detail : details.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, detail.getKey());
            json.append(':');
            string(json, detail.getValue());
        }
        return json.append('}').toString();
    }

    /** {@code value} as a JSON string literal. */
    public static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2);
        string(json, value);
        return json.toString();
    }

    private static void member(StringBuilder json, String name, String value, boolean more) {
        string(json, name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else {
            string(json, value);
        }
        if (more) {
            json.append(',');
        }
    }

    private static void member(StringBuilder json, String name, long value) {
        string(json, name);
        json.append(':').append(value).append(',');
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // Control characters and the line separators that break JavaScript readers are escaped.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
