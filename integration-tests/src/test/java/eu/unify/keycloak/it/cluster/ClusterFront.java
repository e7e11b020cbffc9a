package eu.unify.keycloak.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load balancer before the cluster's nodes, in the test JVM: a JDK HTTP server that passes each request on to one
 * node with the JDK HTTP client and the answer back unchanged. Every node names the front as its hostname.
 *
 * <p>How it picks the node: {@link Mode#ROUND_ROBIN} takes the next node for every request; {@link Mode#STICKY} keeps
 * a browser on the node that created its sign-in (the {@code AUTH_SESSION_ID} cookie), like a load balancer with sticky
 * sessions; {@link #pin(int)} sends everything to one node, which is how a test forces a flow across nodes ("send the
 * code on node 1, type it on node 2"). A node that does not answer (killed) gets a 502 here, as from a real proxy
 * whose health check has not yet noticed; {@link #served()} tells which node served each request.
 */
public final class ClusterFront {

    public enum Mode { ROUND_ROBIN, STICKY }

    /** Which node served a request, for tests that check the flow really crossed nodes. */
    public record Served(String method, String path, int node, int status) {
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "http2-settings");
    private static final Pattern AUTH_SESSION = Pattern.compile("(?:^|;\\s*)AUTH_SESSION_ID=([^;]+)");

    private final int port;
    private final List<String> nodeUrls;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, Integer> stickyRoutes = new ConcurrentHashMap<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ROUND_ROBIN;
    private volatile int pinned;
    private HttpServer server;
    private ExecutorService executor;

    ClusterFront(int port, List<String> nodeUrls) {
        this.port = port;
        this.nodeUrls = List.copyOf(nodeUrls);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Spreads requests over the nodes in {@code mode} (and ends any pin). */
    public void mode(Mode mode) {
        this.mode = mode;
        this.pinned = 0;
        stickyRoutes.clear();
    }

    /** Sends every request to node {@code node} (counted from 1) until the next pin or {@link #mode(Mode)}. */
    public void pin(int node) {
        if (node < 1 || node > nodeUrls.size()) {
            throw new IllegalArgumentException("no node " + node);
        }
        this.pinned = node;
    }

    /** Every request passed on so far, oldest first. */
    public List<Served> served() {
        return List.copyOf(served);
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(16);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private int choose(HttpExchange exchange) {
        int pin = pinned;
        if (pin > 0) {
            return pin;
        }
        if (mode == Mode.STICKY) {
            String session = authSession(exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
            if (session != null && stickyRoutes.containsKey(session)) {
                return stickyRoutes.get(session);
            }
        }
        return Math.floorMod(next.getAndIncrement(), nodeUrls.size()) + 1;
    }

    private static String authSession(List<String> cookieHeaders) {
        for (String header : cookieHeaders) {
            Matcher matcher = AUTH_SESSION.matcher(header);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        int node = choose(exchange);
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            URI target = URI.create(nodeUrls.get(node - 1) + exchange.getRequestURI().toString());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                served.add(new Served(exchange.getRequestMethod(), path, node, 502));
                byte[] message = ("node " + node + " does not answer").getBytes();
                exchange.sendResponseHeaders(502, message.length);
                exchange.getResponseBody().write(message);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            if (mode == Mode.STICKY) {
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    String session = authSession(List.of(cookie));
                    if (session != null && !session.isEmpty()) {
                        stickyRoutes.put(session, node);
                    }
                }
            }
            served.add(new Served(exchange.getRequestMethod(), path, node, response.statusCode()));
            byte[] answer = response.body();
            boolean noBody = answer.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }
}
