package eu.unify.keycloak.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The module's packages form no cycle (issue 13): {@code storage} does not know the move, {@code rights} does not know
 * {@code storage}, and nothing depends on {@code federation} but the admin REST resources. Read from the module's
 * own sources, by their imports and fully qualified names.
 */
class PackageCyclesTest {

    private static final String ROOT = "eu.unify.keycloak.legacy";
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(ROOT) + "(\\.[a-z]+)?\\.[A-Z]");

    @Test
    void thePackagesOfTheModuleFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys(ROOT + ".storage", ROOT + ".move", ROOT + ".federation");
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new HashSet<>())) {
                    cycles.add(from + " -> " + to);
                }
            }
        }
        assertThat(cycles).as("package dependencies on a cycle").isEmpty();
    }

    @Test
    void storageDoesNotKnowTheMove() throws IOException {
        assertThat(dependencies().get(ROOT + ".storage")).doesNotContain(ROOT + ".move", ROOT + ".federation");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, target, seen));
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Path sources = Path.of("src/main/java/eu/unify/keycloak/legacy");
        assertThat(sources).isDirectory();
        Map<String, Set<String>> uses = new HashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
                assertThat(declared.find()).as(file.toString()).isTrue();
                String own = declared.group(1);
                Set<String> targets = uses.computeIfAbsent(own, k -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(text.substring(declared.end()));
                while (reference.find()) {
                    String used = ROOT + (reference.group(1) == null ? "" : reference.group(1));
                    if (!used.equals(own)) {
                        targets.add(used);
                    }
                }
            }
        }
        return uses;
    }
}
