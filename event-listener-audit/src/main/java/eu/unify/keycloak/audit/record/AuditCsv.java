package eu.unify.keycloak.audit.record;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records as CSV (RFC 4180, comma separated, CRLF). Cells that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) get a leading apostrophe: an attacker controls usernames and these files get opened in
 * spreadsheets.
 */
public final class AuditCsv {

    public static final List<String> HEADER = List.of("seq", "time", "kind", "type", "outcome", "error", "userId",
            "username", "clientId", "ipAddress", "sessionId", "resourceType", "resourcePath", "details", "id",
            "prevHash", "hash");

    private AuditCsv() {
    }

    public static String header() {
        return HEADER.stream().collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String row(AuditRecord r) {
        return List.of(Long.toString(r.seq()), Instant.ofEpochMilli(r.time()).toString(), r.kind(), r.type(),
                        r.outcome(), text(r.error()), text(r.userId()), text(r.username()), text(r.clientId()),
                        text(r.ipAddress()), text(r.sessionId()), text(r.resourceType()), text(r.resourcePath()),
                        AuditJson.details(r.details()), r.id(), text(r.prevHash()), text(r.hash()))
                .stream().map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || safe.startsWith(" ") || safe.endsWith(" ")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
