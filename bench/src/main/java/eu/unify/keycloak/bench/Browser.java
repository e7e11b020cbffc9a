package eu.unify.keycloak.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One simulated browser: its own cookies over the shared HTTP client, redirects followed by hand so that a step can
 * stop at the client's redirect URI (nothing listens there) and read the authorization code from it.
 */
public final class Browser {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 10;

    private final HttpClient http;
    private final CookieJar cookies = new CookieJar();

    public Browser(HttpClient http) {
        this.http = http;
    }

    public record Page(int status, URI uri, String body, Optional<URI> location) {

        public HtmlPage html() {
            return new HtmlPage(body);
        }

        public boolean isRedirect() {
            return status / 100 == 3 && location.isPresent();
        }
    }

    public Page get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).GET().build());
    }

    public Page post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Follows redirects with GET until a page that is no redirect, or a redirect whose target {@code stop} accepts. */
    public Page follow(Page page, Predicate<URI> stop) throws IOException, InterruptedException {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS && current.isRedirect() && !stop.test(current.location().get()); i++) {
            current = get(current.location().get());
        }
        return current;
    }

    public void clearCookies() {
        cookies.clear();
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        cookies.header().ifPresent(cookie -> builder.header("Cookie", cookie));
        return builder;
    }

    private Page send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        cookies.store(response.headers().allValues("Set-Cookie"));
        Optional<URI> location = response.headers().firstValue("Location").map(request.uri()::resolve);
        return new Page(response.statusCode(), request.uri(), response.body(), location);
    }
}
