package eu.unify.keycloak.legacy.move;

import eu.unify.keycloak.legacy.storage.LegacyAccount;

/**
 * One account on the move page: the main account or one of its sub-accounts, with what the page shows and what the
 * move needs. {@code legacy} is its legacy row (null for an imported account no longer in the legacy store);
 * {@code userId} its Keycloak user (null while it is not imported).
 */
record CompanyAccount(String legacyUsername, boolean main, String email, String firstName, String lastName,
                      LegacyAccount legacy, String userId) {

    /** "Hanna Haupt", or empty without names. */
    String displayName() {
        String first = firstName == null ? "" : firstName.trim();
        String last = lastName == null ? "" : lastName.trim();
        return (first + " " + last).trim();
    }
}
