package eu.unify.keycloak.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Everything the demo server says to the person who started it. Plain stdout on purpose: this is a developer
 * tool, not a Keycloak provider, and the banner must stand out from Maven's own output.
 */
final class Console {

    private static final String RULE = "=".repeat(78);

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void info(String message) {
        out.println("[unify-demo] " + message);
    }

    void warn(String message) {
        out.println("[unify-demo] WARNING: " + message);
    }

    void error(String message) {
        out.println("[unify-demo] ERROR: " + message);
    }

    /** An unexpected failure of the launcher itself: the message, then the stack trace for whoever debugs it. */
    void failure(Throwable failure) {
        error(failure.toString());
        failure.printStackTrace(out);
    }

    void stillStarting(Duration waited) {
        info("  ... Keycloak is still starting (" + waited.toSeconds() + " s)");
    }

    void logTail(String title, List<String> lines) {
        out.println(RULE);
        out.println(title);
        out.println(RULE);
        lines.forEach(out::println);
        out.println(RULE);
    }

    void banner(DemoSettings settings, Duration startup) {
        String admin = settings.keycloakUrl().resolve("/admin/master/console/") + "#/" + DemoSettings.REALM;
        out.println();
        out.println(RULE);
        out.println("  Unify demo is running (Keycloak started in " + startup.toSeconds() + " s)");
        out.println(RULE);
        line("Demo app (sign in)", settings.demoAppUrl().toString());
        line("Account console", settings.realmUrl() + "/account");
        line("  demo user", DemoSettings.DEMO_USERNAME + " / " + DemoSettings.DEMO_PASSWORD);
        line("Admin console", admin);
        line("  admin", settings.adminUsername() + " / " + settings.adminPassword()
                + " (set on the first start only)");
        line("Mail catcher", settings.mailUrl() + "/");
        line("  JSON API", settings.mailUrl() + "/api/messages  (DELETE to empty it)");
        line("  SMTP", "localhost:" + settings.smtpPort());
        line("Keycloak log", settings.keycloakLog().toString());
        line("Data", settings.keycloakHome().resolve("data") + "  (delete " + settings.home() + " to reset)");
        out.println(RULE);
        out.println("  Press Ctrl-C to stop.");
        out.println(RULE);
        out.println();
    }

    private void line(String name, String value) {
        out.printf("  %-20s %s%n", name, value);
    }
}
