package eu.unify.keycloak.audit.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated search over a realm's records: time range ({@code from} inclusive, {@code to} exclusive), event types,
 * user (id or username), client and a page. Built from the raw query parameters by {@link #parse}, which rejects
 * anything out of range with a message saying what is wrong.
 */
public record AuditQuery(Long from, Long to, List<String> types, String user, String client, int first, int max) {

    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 500;
    public static final int MAX_EXPORT = 10_000;
    static final int MAX_TYPES = 50;
    static final int MAX_TEXT = 255;

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Thrown for a parameter out of range; the message names the parameter and what is accepted. */
    public static final class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidQueryException(String message) {
            super(message);
        }
    }

    public AuditQuery {
        types = List.copyOf(types);
    }

    /**
     * Validates raw parameters (any may be null).
     *
     * @param defaultMax the page size when {@code max} is not given
     * @param pageLimit  the largest {@code max} allowed ({@link #MAX_PAGE} for queries, {@link #MAX_EXPORT} for exports)
     */
    public static AuditQuery parse(String from, String to, List<String> types, String user, String client,
                                   String first, String max, int defaultMax, int pageLimit) {
        Long fromMillis = instant("from", from, false);
        Long toMillis = instant("to", to, true);
        if (fromMillis != null && toMillis != null && fromMillis >= toMillis) {
            throw new InvalidQueryException("'from' must be before 'to'");
        }
        int firstResult = integer("first", first, 0, 0, Integer.MAX_VALUE);
        int maxResults = integer("max", max, Math.min(defaultMax, pageLimit), 1, pageLimit);
        return new AuditQuery(fromMillis, toMillis, types(types), text("user", user), text("client", client),
                firstResult, maxResults);
    }

    /** This query for one more record than the page holds: whether it comes tells if there is a next page. */
    public AuditQuery withOneMore() {
        return new AuditQuery(from, to, types, user, client, first, max + 1);
    }

    /** Accepts an ISO-8601 instant ({@code 2026-11-30T08:15:00Z}) or a date ({@code 2026-11-30}, UTC days). */
    private static Long instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            if (trimmed.length() == 10) {
                LocalDate day = LocalDate.parse(trimmed);
                // A date as 'to' includes that whole day.
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(trimmed).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidQueryException("'" + name + "' must be a date (2026-11-30) or an ISO-8601 UTC time"
                    + " (2026-11-30T08:15:00Z)");
        } catch (DateTimeException e) {
            throw new InvalidQueryException("'" + name + "' is out of range");
        }
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidQueryException("'" + name + "' must be between " + min + " and " + max);
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + name + "' must be a whole number between " + min + " and " + max);
        }
    }

    /** Types may come as repeated parameters or comma separated. */
    private static List<String> types(List<String> values) {
        Set<String> types = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String type : value.split(",")) {
                    String trimmed = type.trim();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (!TYPE.matcher(trimmed).matches()) {
                        throw new InvalidQueryException("'type' must be event type names such as LOGIN or"
                                + " ADMIN_USER_CREATE (capital letters, digits, underscores)");
                    }
                    types.add(trimmed);
                }
            }
        }
        if (types.size() > MAX_TYPES) {
            throw new InvalidQueryException("at most " + MAX_TYPES + " values of 'type'");
        }
        return new ArrayList<>(types);
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidQueryException("'" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return value.trim();
    }
}
