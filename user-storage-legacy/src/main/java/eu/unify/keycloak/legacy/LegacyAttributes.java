package eu.unify.keycloak.legacy;

/**
 * The user attributes a legacy account carries in Keycloak, from its import on (and, after the move, as a local
 * user): the names other parts of the migration (rights, hint, mail forwarding, progress) read.
 */
public final class LegacyAttributes {

    /** The legacy username in its original spelling. After the move the Keycloak username is the email. */
    public static final String USERNAME = "legacy_username";
    /** The legacy username of the company's main account; absent for a main account. */
    public static final String MAIN_ACCOUNT = "legacy_main_account";
    /** The migration wave of the account. */
    public static final String WAVE = "legacy_wave";
    /** One value per legacy right. */
    public static final String RIGHTS = "legacy_rights";
    /** {@code true} on a sub-account whose mail goes to its main account (chosen at the move). */
    public static final String MAIL_FORWARD = "unify_mail_forward";

    /**
     * On a moved account whose mail from the move did not go out: which mail ({@code activation-message},
     * {@code generated-password}, {@code sign-in-name}); removed when a resend succeeds.
     */
    public static final String MAIL_FAILED = "unify_legacy_mail_failed";

    private LegacyAttributes() {
    }
}
