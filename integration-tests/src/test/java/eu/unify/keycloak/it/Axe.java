package eu.unify.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.testframework.ui.webdriver.BrowserType;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core (Deque's rules engine, pinned in this module's pom and fetched from the npm
 * registry at build time) in the page the browser shows now. The rules are WCAG 2.0, 2.1 and 2.2 at levels A and AA;
 * the check fails on violations of impact {@code serious} or {@code critical}, the bar of the project's pages.
 *
 * <pre>{@code
 * Axe.assumeChromium(driver);           // HtmlUnit cannot run axe: such tests are skipped there, run in CI
 * oauth.openLoginForm();
 * Axe.assertNoSeriousViolations(driver, "login page, fi");
 * }</pre>
 *
 * The script is injected through WebDriver, which the page's content security policy does not govern, so pages are
 * checked with their real CSP in force.
 */
public final class Axe {

    /** The WCAG tags axe-core knows for levels A and AA up to WCAG 2.2. */
    public static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Duration RUN = Duration.ofSeconds(60);

    private Axe() {
    }

    /** One rule broken on the page: axe's rule id, its impact, a short help text and the offending elements. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") at " + targets;
        }
    }

    /** Skips the calling test under HtmlUnit, which cannot run axe-core; Chromium (CI) runs it. */
    public static void assumeChromium(ManagedWebDriver driver) {
        assumeTrue(driver.getBrowserType() != BrowserType.HTML_UNIT,
                "axe-core needs a real browser: run with KC_TEST_BROWSER=chrome-headless (CI does)");
    }

    /** Every WCAG 2.2 A/AA violation on the current page, whatever its impact. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(RUN);
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(Script.TEXT);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => ({
                      rule: v.id, impact: v.impact || 'unknown', help: v.help,
                      targets: v.nodes.map(n => n.target.join(' ')) }))))
                  .catch(e => done([{ rule: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                """, WCAG_22_AA);
        return found.stream().map(Axe::violation).toList();
    }

    /** Fails when the current page has a serious or critical WCAG 2.2 A/AA violation; {@code page} names it. */
    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<Violation> serious = violations(driver).stream()
                .filter(v -> FAILING_IMPACTS.contains(v.impact()))
                .toList();
        assertThat(serious)
                .as("serious or critical accessibility violations on %s (%s):%n%s", page, driver.getCurrentUrl(),
                        serious.stream().map(Violation::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Violation violation(Map<String, Object> v) {
        return new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                (List<String>) v.get("targets"));
    }

    /** axe-core's script, read once on first use. */
    private static final class Script {

        static final String TEXT = read();

        private static String read() {
            Path file = Path.of(System.getProperty("unify.axe.script", "target/axe-core/package/axe.min.js"));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core not found at " + file
                        + ": run through Maven (generate-test-resources fetches it)", e);
            }
        }
    }
}
