package eu.unify.keycloak.activation.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodeNormalizer;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.IdentifierKey;
import eu.unify.keycloak.activation.code.IdentifierState;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.service.SessionCodeService.Attempt;
import eu.unify.keycloak.activation.service.SessionCodeService.SendResult;
import eu.unify.keycloak.activation.store.ActivationCodeStore;

/**
 * Session codes asked for by an identifier that may or may not name an account ("Forgot password?"): what the page
 * answers is kept per realm and identifier (under the identifier's keyed hash, {@link IdentifierState}) in Keycloak's
 * database, so it is the same for known and unknown identifiers, from every browser and on every node, and survives a
 * restart. Known and unknown identifiers also cost the request the same work: the code of a real account is issued and
 * mailed after the response ({@link DeferredCodeSender}), and a typed code is checked against a stored code either way
 * ({@link SessionCodeService#verify}).
 */
public final class IdentifierCodeService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ActivationCodeStore store;
    private final CodeKeys keys;
    private final SessionCodeService codes;
    private final CodeLockout lockout;

    private IdentifierCodeService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = ActivationCodeStore.of(session);
        this.keys = new CodeKeys(session, realm);
        this.codes = SessionCodeService.of(session, realm);
        this.lockout = new CodeLockout(session, realm, store);
    }

    public static IdentifierCodeService of(KeycloakSession session, RealmModel realm) {
        return new IdentifierCodeService(session, realm);
    }

    /** The key of what was typed: the realm-keyed hash of its normalised form. */
    public String key(CodePurpose purpose, String typed) {
        return keys.active().hashIdentifier(purpose, IdentifierKey.normalize(typed)).hash();
    }

    /** What the resend button offers now. */
    public ResendThrottle.Decision throttle(CodePurpose purpose, String key, CodePolicy policy) {
        Instant now = now();
        return state(purpose, key, now).throttle(policy, now);
    }

    /**
     * Whether the account's codes are refused now ({@link CodeLockout}). For an identifier without an account it reads
     * the same counter row under the identifier's key (there is none), so both paths do the same database work.
     *
     * @param account the account the identifier names, or null
     */
    public CodeLockout.Lock lock(UserModel account, String key, int maxWrongCodesInARow) {
        if (account == null) {
            store.wrongCodes(realm.getId(), key);
            return CodeLockout.Lock.NONE;
        }
        return lockout.lock(account, maxWrongCodesInARow);
    }

    /**
     * Grants a send for the identifier unless its cooldown or hourly cap forbids it, and if it names an account that
     * can receive codes ({@code recipient} not null), issues and mails the code after the response. A granted send
     * binds {@code authSession} to the code's id, chosen here, on both paths: only this session can use the code, and
     * a session whose last send went to no one (an unknown identifier, a locked account) can use no earlier code.
     *
     * @param recipient  the account to send to, or null: unknown identifier, no address, or codes refused (locked);
     *                   the identifier's state is updated and answered the same either way
     * @param mailLocale the language of the mail to the account
     */
    public SendResult send(CodePurpose purpose, String key, CodePolicy policy, UserModel recipient, Locale mailLocale,
                           String clientId, EventType eventType, AuthenticationSessionModel authSession) {
        Instant now = now();
        IdentifierState state = state(purpose, key, now);
        ResendThrottle.Decision decision = state.throttle(policy, now);
        if (!decision.allowed()) {
            SendResult.Status status = decision.verdict() == ResendThrottle.Verdict.HOURLY_CAP
                    ? SendResult.Status.HOURLY_CAP : SendResult.Status.THROTTLED;
            return new SendResult(status, decision.waitSeconds());
        }
        // Two requests at once (a double click, two tabs, two browsers) both pass the check above on the same state;
        // only the one that claims this cluster-wide key, the send that follows that state, is granted it. A later
        // request sees a newer state and claims another key.
        long cooldownSeconds = Math.max(1, policy.resendCooldown().toSeconds());
        String claim = "unify-code-request:" + realm.getId() + ":" + purpose.id() + ":" + key + ":"
                + state.newest().map(IdentifierState.Request::id).orElse("none");
        if (!session.singleUseObjects().putIfAbsent(claim, cooldownSeconds)) {
            return new SendResult(SendResult.Status.THROTTLED, cooldownSeconds);
        }
        store.recordRequest(realm.getId(), purpose, key, now);
        String codeId = KeycloakModelUtils.generateId();
        SessionCodeService.bind(authSession, purpose, codeId);
        if (recipient != null) {
            DeferredCodeSender.afterCommit(session, realm, recipient, purpose, policy, codeId, mailLocale, clientId,
                    eventType);
        }
        return new SendResult(SendResult.Status.SENT, policy.resendCooldown().toSeconds());
    }

    /**
     * Checks typed input: right only if it is the account's newest code; every other answer comes from the
     * identifier's state, and a wrong code counts there. Empty when the input cannot be a code of this policy (a
     * typing slip, not counted). The code matches only if it was issued for {@code authSession} and the account is
     * not {@code locked}; a refused right code is answered, written back and counted exactly as a wrong one. A wrong
     * answer counts towards the account's bound on wrong codes in a row ({@link CodeLockout}), a right one ends it.
     *
     * @param account the account the identifier names, or null
     * @param locked  the account's codes are refused ({@link #lock})
     */
    public Optional<Attempt> check(CodePurpose purpose, String key, CodePolicy policy, UserModel account,
                                   String input, AuthenticationSessionModel authSession, boolean locked) {
        Optional<String> normalized = CodeNormalizer.normalize(input, policy);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        CodeCheck.Result code = codes.verify(account == null ? key : account.getId(), purpose, policy,
                normalized.get(), authSession, locked);
        if (code.isValid()) {
            lockout.countRightCode(account);
            return Optional.of(new Attempt(code, Optional.empty()));
        }
        Instant now = now();
        IdentifierState state = state(purpose, key, now);
        IdentifierState.WrongCode wrong = state.wrongCode(policy, now);
        // The same statement whether or not there is a live code to count on (then it matches no row).
        store.countWrong(wrong.countOn().map(IdentifierState.Request::id).orElse(""), policy.maxAttempts());
        if (wrong.result().isWrongGuess() || code.isWrongGuess()) {
            if (account != null) {
                lockout.countWrongCode(account);
            } else {
                // The same reads and write as counting for an account, under the identifier's key: no row matches.
                store.wrongCodes(realm.getId(), key);
                store.countWrongCodeOnCounter(realm.getId(), key, now);
            }
        }
        return Optional.of(new Attempt(wrong.result(), Optional.of(state.throttle(policy, now))));
    }

    private IdentifierState state(CodePurpose purpose, String key, Instant now) {
        return store.identifierState(realm.getId(), purpose, key, now.minus(ResendThrottle.WINDOW));
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
