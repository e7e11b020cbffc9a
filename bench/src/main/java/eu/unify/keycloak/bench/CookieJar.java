package eu.unify.keycloak.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one simulated browser, for one host. Hand-kept rather than java.net.CookieManager because that one
 * never sends a {@code Secure} cookie over plain HTTP, and Keycloak marks some of its cookies Secure even on a
 * localhost HTTP listener. Paths are ignored: a scenario talks to one realm.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Takes the {@code Set-Cookie} headers of a response: sets, replaces, or (empty value, Max-Age=0) removes. */
    public void store(List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            String[] attributes = header.split(";");
            int equals = attributes[0].indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = attributes[0].substring(0, equals).trim();
            String value = attributes[0].substring(equals + 1).trim();
            boolean expired = value.isEmpty();
            for (int i = 1; i < attributes.length; i++) {
                String attribute = attributes[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
                        || attribute.startsWith("expires=thu, 01 jan 1970")
                        || attribute.startsWith("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The {@code Cookie} request header, if there are cookies. */
    public Optional<String> header() {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
    }

    public void clear() {
        cookies.clear();
    }
}
