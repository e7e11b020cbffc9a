package eu.unify.keycloak.it.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chromium.HasCdp;

import eu.unify.keycloak.it.Axe;
import eu.unify.keycloak.it.Languages;
import eu.unify.keycloak.it.Mails;
import eu.unify.keycloak.it.SuiteSecrets;

/**
 * What every page and email of the catalogue must pass, in the language it is shown in: the document's {@code lang},
 * no message key or FreeMarker expression left in the text, no sideways scrolling in a 360 px wide window, and no
 * serious or critical WCAG 2.2 A/AA violation (axe-core). With the system property {@code unify.screenshots} set to a
 * folder, it also saves each page at 1280 and 360 px there and writes {@code index.html} with all of them.
 */
final class PageChecks {

    /** The narrow window every page is checked in: a small phone. */
    static final int NARROW = 360;
    static final int WIDE = 1280;
    private static final int HEIGHT = 900;

    /** A message key Keycloak printed because it found no text: Unify's own, Keycloak's dotted or camel-case ones. */
    private static final Pattern RAW_KEY = Pattern.compile(
            "(?<![\\w@.+-])(unify-[a-z0-9]+(?:-[a-z0-9]+)+|requiredAction\\.[\\w.-]+|[a-z]+[A-Z][A-Za-z]*)(?![\\w@-])");
    private static final Pattern SECRET_VALUE =
            Pattern.compile("id=\"unify-(?:code|legacy-password)-value\"[^>]*>\\s*([^<\\s]+)\\s*<");
    private static final Pattern UNFILLED = Pattern.compile("\\$\\{|\\{\\d+(,[^}]*)?}");

    private final ManagedWebDriver driver;
    private final Path screenshots;
    /** page id -> language -> file names, for the index. */
    private final Map<String, Map<String, List<String>>> shots = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    private int checked;

    PageChecks(ManagedWebDriver driver) {
        this.driver = driver;
        String folder = System.getProperty("unify.screenshots", "");
        this.screenshots = folder.isBlank() ? null : Path.of(folder);
        narrow();
    }

    boolean savesScreenshots() {
        return screenshots != null;
    }

    int checked() {
        return checked;
    }

    /** The browser window every page is used in: 360 px wide. */
    void narrow() {
        driver.driver().manage().window().setSize(new Dimension(NARROW, HEIGHT));
    }

    /** Checks the page the browser shows now as {@code id} in {@code language}; {@code title} names it in the index. */
    void page(String id, String title, String language) {
        page(id, title, language, List.of());
    }

    /**
     * As {@link #page(String, String, String)}; {@code random} are values shown on it that are no text (a code, or
     * data such as a client id on the audit trail page).
     */
    void page(String id, String title, String language, List<String> random) {
        checked++;
        titles.putIfAbsent(id, title);
        String where = id + " (" + language + ") at " + driver.getCurrentUrl();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as("lang of %s", where)
                .isEqualTo(language);
        String text = driver.findElement(By.tagName("body")).getText();
        for (String value : random) {
            text = text.replace(value, " ");
        }
        assertNoRawText(text, where);
        JavascriptExecutor js = (JavascriptExecutor) driver.driver();
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number clientWidth = (Number) js.executeScript("return document.documentElement.clientWidth");
        if (scrollWidth.intValue() > clientWidth.intValue()) {
            Object wide = js.executeScript("""
                    const limit = document.documentElement.clientWidth;
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > limit + 0.5)
                      .slice(-5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                        + ' right=' + Math.round(e.getBoundingClientRect().right) + ' "' + (e.innerText || '').slice(0, 40) + '"');
                    """);
            assertThat(scrollWidth.intValue()).as("document width of %s in a %d px window (no sideways scrolling); "
                    + "too wide: %s", where, NARROW, wide).isLessThanOrEqualTo(clientWidth.intValue());
        }
        Axe.assertNoSeriousViolations(driver.driver(), where);
        if (screenshots != null) {
            save(id, language, "360", NARROW);
            save(id, language, "1280", WIDE);
            narrow();
        }
    }

    /** Checks an email: both parts free of keys, the HTML one shown in the browser as a mail program would. */
    void email(String id, String title, String language, MimeMessage message) throws Exception {
        String where = "email " + id + " (" + language + ")";
        assertNoRawText(message.getSubject(), where + ", subject");
        String html = Mails.html(message);
        assertThat(html).as("HTML part of %s", where).isNotBlank();
        String text = Mails.text(message);
        assertThat(text).as("plain-text part of %s", where).isNotBlank();
        // A code or a generated password is random text, not a message key: the suite's secrets, left out of the scan.
        List<String> random = new ArrayList<>();
        Matcher secret = SECRET_VALUE.matcher(html);
        while (secret.find()) {
            random.add(SuiteSecrets.register(secret.group(1)));
            text = text.replace(secret.group(1), " ");
        }
        assertNoRawText(text, where + ", text part");
        driver.open("data:text/html;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        page(id, title, language, random);
    }

    private static void assertNoRawText(String text, String where) {
        // Links in a text part carry tokens whose letters may look like keys.
        Matcher key = RAW_KEY.matcher(text.replaceAll("https?://\\S+", " "));
        List<String> keys = new ArrayList<>();
        while (key.find()) {
            keys.add(key.group(1));
        }
        assertThat(keys).as("message keys shown on %s:%n%s", where, text).isEmpty();
        assertThat(UNFILLED.matcher(text).find()).as("an unfilled ${...} or {0} on %s:%n%s", where, text).isFalse();
    }

    private void save(String id, String language, String label, int width) {
        JavascriptExecutor js = (JavascriptExecutor) driver.driver();
        driver.driver().manage().window().setSize(new Dimension(width, HEIGHT));
        Number height = (Number) js.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
        String name = language + "/" + id + "-" + label + ".png";
        try {
            Path file = screenshots.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, wholePage(width, height.intValue()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shots.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(language, k -> new ArrayList<>())
                .add(name);
    }

    /** The whole page, not only the window: Chromium's own capture beyond the viewport, else a taller window. */
    private byte[] wholePage(int width, int height) {
        if (driver.driver() instanceof HasCdp cdp) {
            Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.max(height, 1), "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        }
        driver.driver().manage().window().setSize(new Dimension(width, Math.max(HEIGHT, height)));
        return ((TakesScreenshot) driver.driver()).getScreenshotAs(OutputType.BYTES);
    }

    /** Writes index.html: one section per page, a row per language, each picture linked to the full one. */
    void writeIndex() throws IOException {
        if (screenshots == null) {
            return;
        }
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Unify: every page and email</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#172033;background:#f1f4f9}
                section{margin:0 0 2.5rem}h2{font-size:1.1rem;margin:0 0 .5rem}code{font-size:.85rem}
                .row{display:flex;gap:1rem;align-items:flex-start;margin:.5rem 0;flex-wrap:wrap}
                .lang{width:2rem;font-weight:600}
                figure{margin:0}img{display:block;border:1px solid #c9d0db;background:#fff}
                figcaption{font-size:.75rem;color:#4a5568}
                </style></head><body>
                <h1>Unify: every page and email</h1>
                <p>Written by <code>PageCatalogueIT</code> with <code>-Pscreenshots</code> (see theme/README.md).
                Each picture links to the full page; 1280 px and 360 px wide windows.</p>
                """);
        for (Map.Entry<String, Map<String, List<String>>> page : shots.entrySet()) {
            html.append("<section id=\"").append(page.getKey()).append("\"><h2>").append(escape(titles.get(page.getKey())))
                    .append(" <code>").append(page.getKey()).append("</code></h2>\n");
            for (String language : Languages.ALL) {
                List<String> files = page.getValue().get(language);
                if (files == null) {
                    continue;
                }
                html.append("<div class=\"row\"><span class=\"lang\">").append(language).append("</span>");
                for (String file : files) {
                    int width = file.endsWith("-1280.png") ? 320 : 120;
                    html.append("<figure><a href=\"").append(file).append("\"><img loading=\"lazy\" src=\"")
                            .append(file).append("\" width=\"").append(width).append("\" alt=\"")
                            .append(escape(titles.get(page.getKey()))).append(", ").append(language).append(", ")
                            .append(file.endsWith("-1280.png") ? "1280" : "360").append(" px\"></a><figcaption>")
                            .append(file.endsWith("-1280.png") ? "1280 px" : "360 px").append("</figcaption></figure>");
                }
                html.append("</div>\n");
            }
            html.append("</section>\n");
        }
        html.append("</body></html>\n");
        Files.writeString(screenshots.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
