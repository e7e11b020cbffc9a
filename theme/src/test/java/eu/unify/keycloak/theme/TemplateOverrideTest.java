package eu.unify.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The login template.ftl is keycloak.v2's template.ftl with a few regions changed, each between
 * {@code <#-- unify:begin replaces=N ... -->} and {@code <#-- unify:end -->}, where N is the number
 * of keycloak.v2's lines the region stands for. Every other line must be keycloak.v2's, in order,
 * as in the Keycloak version of the build: an upgrade that changes keycloak.v2's template fails
 * here until the copy is brought up to date, so the copy can never silently drift from its parent.
 */
class TemplateOverrideTest {

    private static final Pattern BEGIN = Pattern.compile("^\\s*<#-- unify:begin replaces=(\\d+)\\b.*-->\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*<#-- unify:end -->\\s*$");

    @Test
    void templateIsKeycloakV2sApartFromTheMarkedRegions() {
        List<String> parent = lines(ThemeFiles.stockText("theme/keycloak.v2/login/template.ftl"));
        List<String> unify = lines(ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("template.ftl")));

        List<String> problems = new ArrayList<>();
        int p = 0;
        int u = 0;
        int regions = 0;
        while (u < unify.size() && problems.isEmpty()) {
            Matcher begin = BEGIN.matcher(unify.get(u));
            if (begin.matches()) {
                regions++;
                int end = u + 1;
                while (end < unify.size() && !END.matcher(unify.get(end)).matches()) {
                    end++;
                }
                if (end == unify.size()) {
                    problems.add("line " + (u + 1) + ": unify:begin without unify:end");
                    break;
                }
                p += Integer.parseInt(begin.group(1));
                u = end + 1;
                continue;
            }
            if (END.matcher(unify.get(u)).matches()) {
                problems.add("line " + (u + 1) + ": unify:end without unify:begin");
            } else if (p >= parent.size()) {
                problems.add("line " + (u + 1) + " is not in keycloak.v2's template: " + unify.get(u).trim());
            } else if (!unify.get(u).equals(parent.get(p))) {
                problems.add("line " + (u + 1) + " differs from keycloak.v2's line " + (p + 1)
                        + " outside a unify region:\n  keycloak.v2: " + parent.get(p).trim()
                        + "\n  unify:       " + unify.get(u).trim());
            }
            p++;
            u++;
        }
        if (problems.isEmpty() && p != parent.size()) {
            problems.add("keycloak.v2's template has " + (parent.size() - p) + " more lines from line " + (p + 1)
                    + " (" + parent.get(Math.min(p, parent.size() - 1)).trim() + ")");
        }

        assertThat(problems)
                .as("theme/unify/login/template.ftl compared with keycloak.v2's template.ftl of Keycloak %s",
                        System.getProperty("keycloak.version", "(build version)"))
                .isEmpty();
        assertThat(regions).as("unify regions in template.ftl").isPositive();
    }

    @Test
    void theHeaderRegionCarriesTheBrand() {
        String template = ThemeFiles.read(ThemeFiles.unifyTheme("login").resolve("template.ftl"));
        String header = template.substring(template.indexOf("<header"), template.indexOf("</header>"));
        assertThat(header)
                .contains("id=\"unify-logo\"")
                .contains("alt=\"${msg(\"unifyLogoAlt\")}\"")
                .contains("id=\"unify-tagline\"")
                .contains("${msg(\"unifyTagline\")}");
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
