package eu.unify.keycloak.legacy.move;

/**
 * One account's line of the move form as submitted: its legacy username, whether it is the main account, the email
 * address typed (raw) and whether its mail should go to the main account.
 */
public record MoveEntry(String legacyUsername, boolean main, String typedEmail, boolean forward) {

    /** The address as it is compared and stored. */
    public String email() {
        return MoveAddress.normalize(typedEmail);
    }
}
