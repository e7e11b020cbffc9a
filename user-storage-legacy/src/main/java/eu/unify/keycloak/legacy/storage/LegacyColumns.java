package eu.unify.keycloak.legacy.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The column contract: the admin's queries return columns with exactly these names (case-insensitive). Only
 * {@code username} is required everywhere; the lookup queries must also return {@code password_hash}.
 */
public final class LegacyColumns {

    public static final String USERNAME = "username";
    public static final String PASSWORD_HASH = "password_hash";
    public static final String PASSWORD_SALT = "password_salt";
    public static final String HASH_ALGORITHM = "hash_algorithm";
    public static final String EMAIL = "email";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String MAIN_ACCOUNT = "main_account";
    public static final String RIGHTS = "rights";
    public static final String WAVE = "wave";
    public static final String ENABLED = "enabled";

    public static final List<String> ALL = List.of(USERNAME, PASSWORD_HASH, PASSWORD_SALT, HASH_ALGORITHM, EMAIL,
            FIRST_NAME, LAST_NAME, MAIN_ACCOUNT, RIGHTS, WAVE, ENABLED);

    private LegacyColumns() {
    }

    /**
     * Checks the column labels a query returned. Returns the problems in words an admin understands, empty when
     * the columns fit the contract.
     */
    public static List<String> problems(String queryName, List<String> labels, Set<String> required) {
        Set<String> found = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String label : labels) {
            String name = label == null ? "" : label.toLowerCase(Locale.ROOT);
            if (!ALL.contains(name)) {
                problems.add(queryName + " returns the column '" + label + "', which is not part of the contract");
            } else if (!found.add(name)) {
                problems.add(queryName + " returns the column '" + name + "' twice");
            }
        }
        for (String name : required) {
            if (!found.contains(name)) {
                problems.add(queryName + " does not return the required column '" + name + "'");
            }
        }
        if (!problems.isEmpty()) {
            problems.add("expected columns (use AS to rename): " + String.join(", ", ALL));
        }
        return problems;
    }
}
