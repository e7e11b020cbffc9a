package eu.unify.keycloak.legacy.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An admin's query with named parameters ({@code :username}) turned into JDBC placeholders, so values are always
 * bound, never spliced into the SQL. Quoted strings, quoted identifiers, comments and PostgreSQL casts
 * ({@code ::text}) are left alone.
 */
public record NamedSql(String jdbcSql, List<String> parameters) {

    public static NamedSql parse(String sql, Set<String> allowed) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> parameters = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String name = sql.substring(i + 1, end).toLowerCase(Locale.ROOT);
                if (!allowed.contains(name)) {
                    throw new IllegalArgumentException("unknown parameter :" + name + " (" + accepted(allowed) + ")");
                }
                parameters.add(name);
                out.append('?');
                i = end;
            } else if (c == '?') {
                throw new IllegalArgumentException(allowed.isEmpty() ? "this query takes no parameters; remove the ?"
                        : "use named parameters (" + names(allowed) + ") instead of ?");
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), List.copyOf(parameters));
    }

    private static String accepted(Set<String> allowed) {
        return allowed.isEmpty() ? "this query takes no parameters" : "this query accepts " + names(allowed);
    }

    private static String names(Set<String> allowed) {
        return String.join(", ", allowed.stream().map(a -> ":" + a).sorted().toList());
    }
}
