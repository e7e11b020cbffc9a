package eu.unify.keycloak.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser reduced to what the cluster tests need: cookies, redirects followed, forms posted, all through the
 * cluster's front (whose pin decides the node). No JavaScript; Keycloak's login pages work without it.
 */
public final class ClusterBrowser {

    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

    /** A page as shown: where it came from, its status and its HTML. */
    public record Page(URI uri, int status, String html) {

        /** The {@code action} of the form with this id; fails naming the page when it has none. */
        public String formAction(String formId) {
            Matcher matcher = Pattern.compile("<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*>",
                    Pattern.CASE_INSENSITIVE).matcher(html);
            if (!matcher.find()) {
                throw new AssertionError("no form #" + formId + " on " + uri + " (" + status + "):\n" + text());
            }
            return unescape(attribute(matcher.group(), "action"));
        }

        public boolean hasForm(String formId) {
            return html.contains("id=\"" + formId + "\"");
        }

        /** The href of the link with this id. */
        public String link(String id) {
            Matcher matcher = Pattern.compile("<a\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
            if (!matcher.find()) {
                throw new AssertionError("no link #" + id + " on " + uri + ":\n" + text());
            }
            return unescape(attribute(matcher.group(), "href"));
        }

        /** The page's text without tags, for messages and assertions. */
        public String text() {
            return unescape(html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<style.*?</style>", " ")
                    .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
        }

        /** The value of an input with this name, null if none. */
        public String input(String name) {
            Matcher inputs = INPUT.matcher(html);
            while (inputs.find()) {
                if (name.equals(attribute(inputs.group(), "name"))) {
                    String value = attribute(inputs.group(), "value");
                    return value == null ? "" : unescape(value);
                }
            }
            return null;
        }
    }

    /**
     * The browser's cookies by name. One host (the front) and Keycloak's cookies, so names suffice; kept by hand
     * because the JDK's cookie manager drops Keycloak's cookies on a plain-HTTP loopback address.
     */
    private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient client;
    private final String redirectPrefix;
    private URI lastRedirect;

    /** {@code redirectPrefix}: the app's redirect URI; a redirect there ends a flow (the app is not run). */
    public ClusterBrowser(String redirectPrefix) {
        this.redirectPrefix = redirectPrefix;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Where the last flow ended when it was sent back to the app (with its {@code code} or {@code error}). */
    public URI lastRedirect() {
        return lastRedirect;
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts a form of {@code page} with these fields (plus its hidden inputs). */
    public Page submit(Page page, String formId, Map<String, String> fields) {
        URI action = page.uri().resolve(page.formAction(formId));
        Map<String, String> values = new LinkedHashMap<>();
        Matcher form = Pattern.compile("(?s)<form\\b[^>]*\\bid=\"" + Pattern.quote(formId) + "\".*?</form>")
                .matcher(page.html());
        if (form.find()) {
            Matcher inputs = INPUT.matcher(form.group());
            while (inputs.find()) {
                if ("hidden".equals(attribute(inputs.group(), "type")) && attribute(inputs.group(), "name") != null) {
                    String value = attribute(inputs.group(), "value");
                    values.put(attribute(inputs.group(), "name"), value == null ? "" : unescape(value));
                }
            }
        }
        values.putAll(fields);
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = header.toLowerCase().contains("max-age=0") || header.contains("1970");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = exchange(request);
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI location = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(redirectPrefix)) {
                    lastRedirect = location;
                    return new Page(location, response.statusCode(), "");
                }
                response = exchange(HttpRequest.newBuilder(location).GET());
            }
            return new Page(response.uri(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String attribute(String tag, String name) {
        Matcher matcher = ATTRIBUTE.matcher(tag);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                return matcher.group(2);
            }
        }
        return null;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x27;", "'").replace("&#61;", "=");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
