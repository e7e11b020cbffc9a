package eu.unify.keycloak.activation.service;

import java.time.Instant;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

import eu.unify.keycloak.activation.store.ActivationCodeStore;
import eu.unify.keycloak.activation.store.ActivationCodeStore.WrongCodes;

/**
 * Whether an account may use codes at all. Two locks refuse every code of the account, the right one included:
 * Keycloak's brute-force protection (when the realm has it on: a temporary or permanent lockout, to which wrong codes
 * count as category {@code otp}), and Unify's own bound on wrong codes in a row, which holds whatever the realm's
 * settings are and however often new codes are asked for. Only the account's owner ends the latter: a sign-in or a new
 * password after the last wrong code (so also a password set by an admin), or an admin through
 * {@code DELETE .../unify-activation/users/{id}/code-failures}. A right code ends it too while it is not reached.
 */
public final class CodeLockout {

    /** Why the account's codes are refused, or {@link #NONE}. */
    public enum Lock {
        NONE,
        /** Keycloak's brute-force protection: temporarily locked. */
        TEMPORARY,
        /** Keycloak's brute-force protection: permanently locked (such a user is also disabled). */
        PERMANENT,
        /** Unify's bound on wrong codes in a row is reached. */
        WRONG_CODES_IN_A_ROW;

        public boolean refusesCodes() {
            return this != NONE;
        }
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ActivationCodeStore store;

    CodeLockout(KeycloakSession session, RealmModel realm, ActivationCodeStore store) {
        this.session = session;
        this.realm = realm;
        this.store = store;
    }

    public static CodeLockout of(KeycloakSession session, RealmModel realm) {
        return new CodeLockout(session, realm, ActivationCodeStore.of(session));
    }

    /**
     * @param maxWrongCodesInARow the bound configured for the step that asks (see {@code SessionCodeOptions})
     */
    public Lock lock(UserModel user, int maxWrongCodesInARow) {
        if (realm.isBruteForceProtected()) {
            BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
            if (protector.isPermanentlyLockedOut(session, realm, user)) {
                return Lock.PERMANENT;
            }
            // The temporary lock as Keycloak stores it, not isTemporarilyDisabled: that also answers "locked" while
            // another request of the same account is in progress (its guard against parallel guesses), which would
            // turn a double click on "Send a new code" into no mail at all.
            UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, user.getId());
            if (failures != null && Time.currentTime() < failures.getFailedLoginNotBefore()) {
                return Lock.TEMPORARY;
            }
        }
        WrongCodes wrong = store.wrongCodes(realm.getId(), user.getId());
        if (wrong.inARow() < maxWrongCodesInARow) {
            return Lock.NONE;
        }
        if (provedSince(user, wrong.lastAt())) {
            store.clearWrongCodes(realm.getId(), user.getId());
            return Lock.NONE;
        }
        return Lock.WRONG_CODES_IN_A_ROW;
    }

    /**
     * One more wrong code for the account. "In a row" as NIST means it: if the owner signed in or set a password since
     * the previous wrong code, the row starts again at this one.
     */
    public void countWrongCode(UserModel user) {
        Instant now = now();
        WrongCodes wrong = store.wrongCodes(realm.getId(), user.getId());
        if (wrong.inARow() > 0 && provedSince(user, wrong.lastAt())) {
            store.clearWrongCodes(realm.getId(), user.getId());
        }
        store.countWrongCode(realm.getId(), user.getId(), now);
    }

    /** A right code: the row ends. */
    public void countRightCode(UserModel user) {
        store.clearWrongCodes(realm.getId(), user.getId());
    }

    /** Ends the bound on wrong codes in a row, as an admin decides (Keycloak's own lockout is its own business). */
    public void clear(UserModel user) {
        store.clearWrongCodes(realm.getId(), user.getId());
    }

    /** How many wrong codes the account has had in a row. */
    public int wrongCodesInARow(UserModel user) {
        return store.wrongCodes(realm.getId(), user.getId()).inARow();
    }

    /**
     * Whether the owner showed up after the last wrong code: a sign-in started since (Keycloak's user sessions) or a
     * password set since. Read only when the bound is reached, so the ordinary check costs one row.
     */
    private boolean provedSince(UserModel user, Instant lastWrongCode) {
        long since = lastWrongCode.toEpochMilli();
        boolean signedIn = session.sessions().getUserSessionsStream(realm, user)
                .anyMatch(userSession -> userSession.getStarted() * 1000L > since);
        if (signedIn) {
            return true;
        }
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .anyMatch(password -> password.getCreatedDate() != null && password.getCreatedDate() > since);
    }

    static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
