package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * unify-brand.css is the one file ops override: it must define every brand property unify.css
 * uses, its defaults must meet WCAG AA contrast, and unify.css must take its brand from there only.
 */
class BrandStylesheetTest {

    /** The brand properties ops can count on (theme/README.md lists them). */
    static final List<String> BRAND_PROPERTIES = List.of(
            "--unify-color-primary", "--unify-color-primary-hover", "--unify-color-on-primary",
            "--unify-color-background", "--unify-color-surface", "--unify-color-text", "--unify-color-text-muted",
            "--unify-color-link", "--unify-color-link-hover", "--unify-color-border", "--unify-color-focus",
            "--unify-color-danger", "--unify-font-family", "--unify-font-family-heading", "--unify-logo-url",
            "--unify-logo-height", "--unify-logo-max-width", "--unify-realm-name-display", "--unify-radius",
            "--unify-radius-card", "--unify-shadow", "--unify-focus-ring-width", "--unify-background-image");

    private static final Pattern DECLARATION = Pattern.compile("(--unify-[a-z0-9-]+)\\s*:\\s*([^;]+);");
    private static final Pattern USE = Pattern.compile("var\\(\\s*(--unify-[a-z0-9-]+)");
    private static final Pattern VAR = Pattern.compile("^var\\(\\s*(--[a-z0-9-]+)\\s*\\)$");
    private static final Pattern URL = Pattern.compile("url\\(\\s*\"?([^\")]+)\"?\\s*\\)");

    private static final Path CSS = ThemeFiles.unifyTheme("login").resolve("resources/css");

    @Test
    void brandFileDefinesEveryBrandProperty() {
        assertThat(brand().keySet()).containsAll(BRAND_PROPERTIES);
    }

    @Test
    void unifyCssTakesItsBrandFromTheBrandFileOnly() {
        String unifyCss = withoutComments(ThemeFiles.read(CSS.resolve("unify.css")));
        Set<String> used = new TreeSet<>();
        Matcher matcher = USE.matcher(unifyCss);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertThat(used).as("--unify-* properties unify.css uses").isNotEmpty();
        assertThat(brand().keySet()).as("defined in unify-brand.css").containsAll(used);
        assertThat(DECLARATION.matcher(unifyCss).find())
                .as("unify.css must not define --unify-* properties itself: the brand lives in unify-brand.css")
                .isFalse();
    }

    @Test
    void defaultColoursMeetWcagAaContrast() {
        List<String> failures = new ArrayList<>();
        for (String background : List.of("--unify-color-surface", "--unify-color-background")) {
            for (String text : List.of("--unify-color-text", "--unify-color-text-muted", "--unify-color-link",
                    "--unify-color-link-hover", "--unify-color-danger")) {
                check(failures, text, background, 4.5);
            }
            check(failures, "--unify-color-border", background, 3.0);
            check(failures, "--unify-color-focus", background, 3.0);
            check(failures, "--unify-color-primary", background, 3.0);
        }
        check(failures, "--unify-color-on-primary", "--unify-color-primary", 4.5);
        check(failures, "--unify-color-on-primary", "--unify-color-primary-hover", 4.5);
        assertThat(failures).as("colour pairs below WCAG 2.2 AA").isEmpty();
    }

    @Test
    void logoUrlPointsAtAShippedImage() {
        Matcher url = URL.matcher(brand().get("--unify-logo-url"));
        assertThat(url.find()).isTrue();
        Path logo = CSS.resolve(url.group(1)).normalize();
        assertThat(logo).exists();
    }

    @Test
    void stylesRespectUserPreferencesAndShowFocus() {
        String unifyCss = withoutComments(ThemeFiles.read(CSS.resolve("unify.css")));
        assertThat(unifyCss)
                .contains("@media (prefers-reduced-motion: reduce)")
                .contains("@media (forced-colors: active)")
                .contains(":focus-visible")
                .contains("outline: var(--unify-focus-ring-width) solid var(--unify-color-focus)");
        // The only rule that removes an outline is for the input inside a field, whose wrapper
        // (.pf-v5-c-form-control:focus-within) draws the ring instead.
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(unifyCss);
        while (rule.find()) {
            if (rule.group(2).matches("(?s).*outline:\\s*(none|0)\\s*;.*")) {
                assertThat(rule.group(1).trim())
                        .as("a rule that hides the focus outline")
                        .isEqualTo(".pf-v5-c-form-control > :is(input, select, textarea):focus-visible");
            }
        }
    }

    /** The brand's custom properties, with var() references to other brand properties resolved. */
    static Map<String, String> brand() {
        String css = withoutComments(ThemeFiles.read(CSS.resolve("unify-brand.css")));
        Map<String, String> raw = new LinkedHashMap<>();
        Matcher matcher = DECLARATION.matcher(css);
        while (matcher.find()) {
            raw.put(matcher.group(1), matcher.group(2).trim());
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        raw.forEach((name, value) -> resolved.put(name, resolve(raw, value, 0)));
        return resolved;
    }

    private static String resolve(Map<String, String> raw, String value, int depth) {
        Matcher var = VAR.matcher(value);
        if (var.matches() && raw.containsKey(var.group(1)) && depth < 10) {
            return resolve(raw, raw.get(var.group(1)), depth + 1);
        }
        return value;
    }

    private static void check(List<String> failures, String foreground, String background, double minimum) {
        Map<String, String> brand = brand();
        double ratio = contrast(brand.get(foreground), brand.get(background));
        if (ratio < minimum) {
            failures.add(String.format(Locale.ROOT, "%s (%s) on %s (%s): %.2f:1, needs %.1f:1",
                    foreground, brand.get(foreground), background, brand.get(background), ratio, minimum));
        }
    }

    /** WCAG 2 contrast ratio of two #rgb or #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String colour) {
        assertThat(colour).as("a hex colour").matches("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
        String hex = colour.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static String withoutComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
