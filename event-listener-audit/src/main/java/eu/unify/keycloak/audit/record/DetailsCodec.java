package eu.unify.keycloak.audit.record;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How a record's details are kept in one column: form-encoded {@code key=value&...}, keys sorted. */
public final class DetailsCodec {

    private DetailsCodec() {
    }

    public static String encode(Map<String, String> details) {
        return new TreeMap<>(details).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The length of one {@code key=value} pair in {@link #encode}'s form (without the separating {@code &}). */
    static int encodedLength(String key, String value) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).length() + 1
                + URLEncoder.encode(value, StandardCharsets.UTF_8).length();
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
