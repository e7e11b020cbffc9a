package eu.unify.keycloak.audit.record;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** How a record's details are kept in one column: form-encoded {@code key=value&...}, keys sorted. */
public final class DetailsCodec {

    private DetailsCodec() {
    }

    public static String encode(Map<String, String> details) {
        Map<String, String> sorted = details instanceof SortedMap<String, String> map && map.comparator() == null
                ? details : new TreeMap<>(details);
        StringBuilder text = new StringBuilder(64);
        boolean first = true;
        for (Map.Entry<String, String> detail : sorted.entrySet()) {
            if (!first) {
                text.append('&');
            }
            first = false;
            text.append(component(detail.getKey())).append('=').append(component(detail.getValue()));
        }
        return text.toString();
    }

    /** The length of one {@code key=value} pair in {@link #encode}'s form (without the separating {@code &}). */
    static int encodedLength(String key, String value) {
        return component(key).length() + 1 + component(value).length();
    }

    /**
     * {@code value} form-encoded as {@link URLEncoder} does in UTF-8; values that need no encoding (most: ids, grant
     * types, method names) are returned as they are, without the encoder's buffers (every event of every login comes
     * through here).
     */
    static String component(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!keptAsIs(value.charAt(i))) {
                return URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    /** The characters {@link URLEncoder} leaves alone (a space it turns into {@code +}). */
    private static boolean keptAsIs(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '-' || c == '*' || c == '_';
    }

    public static SortedMap<String, String> decode(String text) {
        SortedMap<String, String> details = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return details;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                details.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return details;
    }
}
