package eu.unify.keycloak.legacy.rights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console's mapping table from legacy rights to Keycloak roles and groups, one entry per line:
 * <pre>
 * orders=client:shop:access        a client role (for a Unify service: its role "access")
 * reports=role:report-reader       a realm role
 * admin=group:/customers/admins    a group, by its full path
 * </pre>
 * A right may appear on several lines to grant several things. Rights match case-insensitively. Entries that cannot
 * be read are left out and described in {@link #problems()}, so a bad line never stops an import.
 */
public final class RightsMapping {

    /** The component config key of the mapping (a multivalued string in the console). */
    public static final String CONFIG_KEY = "rightsMapping";

    private static final String USAGE = "write <right>=client:<clientId>:<role>, <right>=role:<realm role> or "
            + "<right>=group:/<group path>";

    private final Map<String, List<RightTarget>> byRight;
    private final List<String> problems;

    private RightsMapping(Map<String, List<RightTarget>> byRight, List<String> problems) {
        this.byRight = byRight;
        this.problems = problems;
    }

    /** An empty mapping: no right grants anything. */
    public static RightsMapping empty() {
        return new RightsMapping(Map.of(), List.of());
    }

    /**
     * Reads the entries as the console stores them. Blank entries are ignored; a value that still holds several
     * entries joined by {@code ##} (an older console format) is split.
     */
    public static RightsMapping parse(Collection<String> entries) {
        Map<String, List<RightTarget>> byRight = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (entries != null) {
            entries.stream()
                    .filter(entry -> entry != null)
                    .flatMap(entry -> Arrays.stream(entry.split("##")))
                    .map(String::trim)
                    .filter(entry -> !entry.isEmpty())
                    .forEach(entry -> read(entry, byRight, problems));
        }
        return new RightsMapping(byRight, List.copyOf(problems));
    }

    private static void read(String entry, Map<String, List<RightTarget>> byRight, List<String> problems) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            problems.add(describe(entry, "has no '='; " + USAGE));
            return;
        }
        String right = entry.substring(0, equals).trim();
        String target = entry.substring(equals + 1).trim();
        if (right.isEmpty()) {
            problems.add(describe(entry, "names no right before '='"));
            return;
        }
        if (right.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',' || c == ';')) {
            problems.add(describe(entry, "the right '" + right + "' contains a space, comma or semicolon, which "
                    + "separate rights in the legacy column"));
            return;
        }
        RightTarget parsed;
        try {
            parsed = target(target);
        } catch (IllegalArgumentException e) {
            problems.add(describe(entry, e.getMessage()));
            return;
        }
        List<RightTarget> targets = byRight.computeIfAbsent(key(right), k -> new ArrayList<>());
        if (!targets.contains(parsed)) {
            targets.add(parsed);
        }
    }

    private static RightTarget target(String target) {
        int colon = target.indexOf(':');
        String kind = colon < 0 ? target : target.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : target.substring(colon + 1).trim();
        switch (kind) {
            case "client" -> {
                // Client ids may contain colons (URLs); role names rarely do: the role follows the last colon.
                int last = rest.lastIndexOf(':');
                String clientId = last < 0 ? "" : rest.substring(0, last).trim();
                String role = last < 0 ? "" : rest.substring(last + 1).trim();
                if (clientId.isEmpty() || role.isEmpty()) {
                    throw new IllegalArgumentException("a client role is written client:<clientId>:<role>");
                }
                return new RightTarget.ClientRole(clientId, role);
            }
            case "role" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("a realm role is written role:<role name>");
                }
                return new RightTarget.RealmRole(rest);
            }
            case "group" -> {
                String path = rest.startsWith("/") ? rest : "/" + rest;
                if (path.length() < 2 || path.endsWith("/")) {
                    throw new IllegalArgumentException("a group is written group:/<group path>, e.g. group:/customers");
                }
                return new RightTarget.Group(path);
            }
            default -> throw new IllegalArgumentException("unknown target '" + target + "'; " + USAGE);
        }
    }

    private static String describe(String entry, String problem) {
        return "Rights mapping '" + entry + "': " + problem;
    }

    private static String key(String right) {
        return right.toLowerCase(Locale.ROOT);
    }

    /** What the entries could not say, one sentence each; empty when every entry is valid. */
    public List<String> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return byRight.isEmpty();
    }

    /** Every target of the mapping, each once. */
    public List<RightTarget> targets() {
        Set<RightTarget> all = new LinkedHashSet<>();
        byRight.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** What the given legacy rights grant, each target once, in the order of the rights. Unmapped rights grant nothing. */
    public List<RightTarget> targetsFor(Collection<String> rights) {
        if (rights == null || byRight.isEmpty()) {
            return List.of();
        }
        Set<RightTarget> granted = new LinkedHashSet<>();
        for (String right : rights) {
            if (right != null) {
                granted.addAll(byRight.getOrDefault(key(right.trim()), List.of()));
            }
        }
        return List.copyOf(granted);
    }
}
