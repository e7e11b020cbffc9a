package eu.unify.keycloak.bench;

import java.net.URI;
import java.net.http.HttpClient;

/** What a scenario gets from the driver: the server, its admin API, the mail catcher and the run's sizes. */
public final class BenchContext {

    private final URI keycloakUrl;
    private final HttpClient http;
    private final AdminApi admin;
    private final Mailbox mailbox;
    private final int smtpPort;
    private final int concurrency;
    private final int plannedSteps;

    public BenchContext(URI keycloakUrl, HttpClient http, AdminApi admin, Mailbox mailbox, int smtpPort,
                        int concurrency, int plannedSteps) {
        this.keycloakUrl = keycloakUrl;
        this.http = http;
        this.admin = admin;
        this.mailbox = mailbox;
        this.smtpPort = smtpPort;
        this.concurrency = concurrency;
        this.plannedSteps = plannedSteps;
    }

    /** For example http://localhost:18080. */
    public URI keycloakUrl() {
        return keycloakUrl;
    }

    public URI realmUrl(String realm) {
        return URI.create(keycloakUrl + "/realms/" + realm);
    }

    /** Shared by all workers; keeps connections alive. Sends no cookies: each {@link Browser} keeps its own. */
    public HttpClient http() {
        return http;
    }

    public Browser newBrowser() {
        return new Browser(http);
    }

    public AdminApi admin() {
        return admin;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    /** The mail catcher's SMTP port, for the realm's smtpServer. */
    public int smtpPort() {
        return smtpPort;
    }

    /** Worker threads; {@link Scenario#step} gets a worker index below this. */
    public int concurrency() {
        return concurrency;
    }

    /** The most steps this scenario will run (warm-up and measured), already scaled by its batch scale. */
    public int plannedSteps() {
        return plannedSteps;
    }

    BenchContext forScenario(int steps) {
        return new BenchContext(keycloakUrl, http, admin, mailbox, smtpPort, concurrency, steps);
    }
}
