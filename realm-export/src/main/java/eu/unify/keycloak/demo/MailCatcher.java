package eu.unify.keycloak.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An SMTP server that accepts mail for any recipient and keeps it in memory, plus an HTTP server that shows it:
 * {@code GET /} lists the mail, {@code GET /mail/{id}} shows one, {@code GET /api/messages} returns all of it as
 * JSON and {@code DELETE /api/messages} forgets it. Both listen on the loopback interface only.
 * Other handlers (the demo app) can be {@linkplain #mount mounted} on the same HTTP server.
 * Public because the benchmark module ({@code bench/}) reads its codes from it too.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailCatcher.class.getName());

    /**
     * GreenMail logs each new recipient at INFO; only its problems belong on the console. Held in a field because
     * java.util.logging forgets the level of a logger nobody references.
     */
    private final Logger greenMailLog = Logger.getLogger("com.icegreen.greenmail");
    private final GreenMail smtp;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final Clock clock;
    private final MailPages pages;
    private final ObjectMapper json = new ObjectMapper();

    /** Guarded by itself. Oldest first. */
    private final List<CaughtMail> mails = new ArrayList<>();
    /** GreenMail delivers one copy per recipient; this keeps one entry per SMTP transaction. Guarded by mails. */
    private final Set<MovingMessage> caught = Collections.newSetFromMap(new WeakHashMap<>());
    /** Guarded by mails. Never reset, so an id never points at another mail after a purge. */
    private long lastId;

    private MailCatcher(GreenMail smtp, HttpServer http, ExecutorService httpThreads, Clock clock) {
        this.smtp = smtp;
        this.http = http;
        this.httpThreads = httpThreads;
        this.clock = clock;
        this.pages = new MailPages(clock.getZone());
        greenMailLog.setLevel(Level.WARNING);
    }

    /**
     * @param smtpPort 0 for any free port
     * @param httpPort 0 for any free port
     */
    public static MailCatcher start(int smtpPort, int httpPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, loopback.getHostAddress(), ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(loopback, httpPort), 0);
        } catch (IOException e) {
            smtp.stop();
            throw e;
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "mail-catcher-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(threads);
        MailCatcher catcher = new MailCatcher(smtp, http, threads, Clock.system(ZoneId.systemDefault()));
        catcher.catchDeliveries();
        http.createContext("/", catcher::handle);
        http.start();
        return catcher;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** Serves {@code handler} under {@code path} (for example "/app/") on the catcher's HTTP port. */
    void mount(String path, HttpHandler handler) {
        http.createContext(path, handler);
    }

    /** Oldest first. */
    public List<CaughtMail> messages() {
        synchronized (mails) {
            return List.copyOf(mails);
        }
    }

    public void purge() {
        synchronized (mails) {
            mails.clear();
        }
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            LOG.log(Level.WARNING, "Could not empty GreenMail's mailboxes", e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        smtp.stop();
    }

    /** Hooks into GreenMail's delivery: records each mail once, then lets GreenMail file it as usual. */
    private void catchDeliveries() {
        UserManager users = smtp.getUserManager();
        MessageDeliveryHandler fileInMailbox = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            record(message);
            return fileInMailbox.handle(message, recipient);
        });
    }

    private void record(MovingMessage message) {
        synchronized (mails) {
            if (!caught.add(message)) {
                return;
            }
            List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
            try {
                mails.add(CaughtMail.of(++lastId, clock.instant(), recipients, message.getMessage()));
            } catch (Exception e) {
                // A mail the catcher cannot read must not make the SMTP transaction fail for the sender.
                LOG.log(Level.WARNING, "Could not read a caught mail", e);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/")) {
                requireGet(exchange, () -> HttpExchanges.send(exchange, 200, HttpExchanges.HTML,
                        pages.list(newestFirst(), smtpPort())));
            } else if (path.startsWith("/mail/")) {
                Optional<CaughtMail> mail = find(path.substring("/mail/".length()));
                if (mail.isEmpty()) {
                    HttpExchanges.notFound(exchange);
                } else {
                    requireGet(exchange, () -> HttpExchanges.send(exchange, 200, HttpExchanges.HTML,
                            pages.message(mail.get())));
                }
            } else if (path.equals("/api/messages")) {
                if (method.equals("GET")) {
                    HttpExchanges.send(exchange, 200, HttpExchanges.JSON, messagesJson());
                } else if (method.equals("DELETE")) {
                    purge();
                    HttpExchanges.sendEmpty(exchange, 204);
                } else {
                    HttpExchanges.methodNotAllowed(exchange, "GET, DELETE");
                }
            } else if (path.equals("/purge")) {
                if (method.equals("POST")) {
                    purge();
                    HttpExchanges.redirect(exchange, "/");
                } else {
                    HttpExchanges.methodNotAllowed(exchange, "POST");
                }
            } else if (path.equals("/app")) {
                HttpExchanges.redirect(exchange, "/app/");
            } else {
                HttpExchanges.notFound(exchange);
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Mail catcher request failed: " + exchange.getRequestURI(), e);
            throw e;
        }
    }

    private List<CaughtMail> newestFirst() {
        List<CaughtMail> list = new ArrayList<>(messages());
        Collections.reverse(list);
        return list;
    }

    private Optional<CaughtMail> find(String id) {
        if (!id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        long wanted = Long.parseLong(id);
        return messages().stream().filter(mail -> mail.id() == wanted).findFirst();
    }

    /** Oldest first, as in {@link #messages()}: a test reading the newest mail takes the last element. */
    private String messagesJson() throws IOException {
        ArrayNode array = json.createArrayNode();
        for (CaughtMail mail : messages()) {
            ObjectNode node = array.addObject();
            node.put("id", mail.id());
            node.put("receivedAt", mail.receivedAt().toString());
            node.put("from", mail.from());
            ArrayNode to = node.putArray("to");
            mail.to().forEach(to::add);
            node.put("subject", mail.subject());
            node.put("text", mail.text());
            node.put("html", mail.html());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(array);
    }

    private static void requireGet(HttpExchange exchange, IoAction action) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            action.run();
        } else {
            HttpExchanges.methodNotAllowed(exchange, "GET");
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
