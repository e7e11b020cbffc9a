package eu.unify.keycloak.audit.record;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records as CSV (RFC 4180: comma separated, CRLF line ends, every field in double quotes, quotes doubled).
 *
 * <p>Anyone can put text into the trail (a failed sign-in records the username typed), and these files get opened in
 * spreadsheets, which run a cell that starts with {@code = + - @} as a formula. A spreadsheet set to Finnish, German or
 * Slovenian splits CSV on {@code ;}, some on tab; a quoted field does not stop that, since the quotes belong to the
 * comma reading. So a cell is neutralised piece by piece: every piece that begins at the start of the field or right
 * after {@code ,} {@code ;} tab, CR or LF, and whose first character after spaces and quote marks ({@code "} {@code '})
 * is a formula trigger ({@link #TRIGGERS}), gets one {@code '} in front of it. The apostrophe makes the piece text in
 * Excel and LibreOffice under any of those separators. Exactly one is added per such piece, so the original is got back
 * by removing it; the JSON-lines export carries the values unchanged.
 */
public final class AuditCsv {

    public static final List<String> HEADER = List.of("seq", "time", "kind", "type", "outcome", "error", "userId",
            "username", "clientId", "ipAddress", "sessionId", "resourceType", "resourcePath", "details", "id",
            "prevHash", "hash");

    /** Characters that start a formula, with the full-width forms that East Asian Excel treats alike; tab and CR too. */
    static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    /** Where a spreadsheet may start a new cell: the separators in common use, and line breaks. */
    private static final String SEPARATORS = ",;\t\r\n";

    /** Skipped before looking for a trigger: a spreadsheet drops them, or they are the quotes of a {@code ;} field. */
    private static final String LEADING = " \u00A0\"'";

    private AuditCsv() {
    }

    public static String header() {
        return HEADER.stream().map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String row(AuditRecord r) {
        return List.of(Long.toString(r.seq()), Instant.ofEpochMilli(r.time()).toString(), r.kind(), r.type(),
                        r.outcome(), text(r.error()), text(r.userId()), text(r.username()), text(r.clientId()),
                        text(r.ipAddress()), text(r.sessionId()), text(r.resourceType()), text(r.resourcePath()),
                        AuditJson.details(r.details()), r.id(), text(r.prevHash()), text(r.hash()))
                .stream().map(AuditCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** {@code value} neutralised and quoted as one RFC 4180 field. */
    static String cell(String value) {
        return '"' + neutralise(value).replace("\"", "\"\"") + '"';
    }

    /** {@code value} with a {@code '} in front of every piece that a spreadsheet could run as a formula. */
    static String neutralise(String value) {
        StringBuilder safe = null;
        boolean pieceStart = true;
        for (int i = 0; i < value.length(); i++) {
            if (pieceStart && startsFormula(value, i)) {
                if (safe == null) {
                    safe = new StringBuilder(value.length() + 8).append(value, 0, i);
                }
                safe.append('\'');
            }
            char c = value.charAt(i);
            if (safe != null) {
                safe.append(c);
            }
            pieceStart = SEPARATORS.indexOf(c) >= 0;
        }
        return safe == null ? value : safe.toString();
    }

    private static boolean startsFormula(String value, int from) {
        int i = from;
        while (i < value.length() && LEADING.indexOf(value.charAt(i)) >= 0) {
            i++;
        }
        return i < value.length() && TRIGGERS.indexOf(value.charAt(i)) >= 0;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
