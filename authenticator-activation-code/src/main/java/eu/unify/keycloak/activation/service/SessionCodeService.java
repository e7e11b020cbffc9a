package eu.unify.keycloak.activation.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodeGenerator;
import eu.unify.keycloak.activation.code.CodeHasher;
import eu.unify.keycloak.activation.code.CodeNormalizer;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.GeneratedCode;
import eu.unify.keycloak.activation.code.HashedCode;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.code.SessionSends;
import eu.unify.keycloak.activation.code.StoredCode;
import eu.unify.keycloak.activation.store.ActivationCodeStore;

/**
 * Codes a user types in the same browser session (activation, password reset): sending with the resend throttle,
 * and checking with the per-code attempt limit. Works in the request's transaction; never logs a code.
 */
public final class SessionCodeService {

    private static final Logger LOG = Logger.getLogger(SessionCodeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Authentication session note (+ purpose id): the {@link SessionSends} of the session's last send. */
    static final String NOTE_SENDS = "unify-code.sends.";
    /**
     * Authentication session note (+ purpose id): the id of the code this session sent. A code works only in the
     * session that sent it (ASVS 5.0 6.6.2): typed in another browser, even the right code counts as a wrong one.
     */
    static final String NOTE_BOUND = "unify-code.bound.";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ActivationCodeStore store;
    private final CodeKeys keys;
    private final CodeMailer mailer;
    private final CodeGenerator generator;

    SessionCodeService(KeycloakSession session, RealmModel realm, ActivationCodeStore store, CodeKeys keys,
                       CodeMailer mailer, CodeGenerator generator) {
        this.session = session;
        this.realm = realm;
        this.store = store;
        this.keys = keys;
        this.mailer = mailer;
        this.generator = generator;
    }

    public static SessionCodeService of(KeycloakSession session, RealmModel realm) {
        return new SessionCodeService(session, realm, ActivationCodeStore.of(session), new CodeKeys(session, realm),
                new CodeMailer(session, realm), new CodeGenerator(RANDOM));
    }

    /** Result of a send request. */
    public record SendResult(Status status, long waitSeconds) {

        public enum Status { SENT, THROTTLED, HOURLY_CAP, SEND_FAILED }
    }

    /**
     * A typed code's outcome and, unless the code was right, what the resend button offers on the form shown again.
     */
    public record Attempt(CodeCheck.Result result, Optional<ResendThrottle.Decision> resend) {

        public Attempt {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(resend, "resend");
        }
    }

    /** What the throttle allows now, without sending. */
    public ResendThrottle.Decision throttle(UserModel user, CodePurpose purpose, CodePolicy policy) {
        Instant now = now();
        return ResendThrottle.of(policy).decide(recentSends(user, purpose, now), now);
    }

    private List<Instant> recentSends(UserModel user, CodePurpose purpose, Instant now) {
        return store.sendsSince(realm.getId(), user.getId(), purpose, now.minus(ResendThrottle.WINDOW));
    }

    /**
     * Emails a new code unless the throttle forbids it. The new code replaces the older one only after the mail went
     * out: if SMTP fails, the code the user may already have stays valid and nothing counts against the throttle.
     */
    public SendResult send(UserModel user, CodePurpose purpose, CodePolicy policy, AuthenticationSessionModel authSession) {
        Instant asked = now();
        List<Instant> earlier = recentSends(user, purpose, asked);
        ResendThrottle.Decision decision = ResendThrottle.of(policy).decide(earlier, asked);
        if (!decision.allowed()) {
            SendResult.Status status = decision.verdict() == ResendThrottle.Verdict.HOURLY_CAP
                    ? SendResult.Status.HOURLY_CAP : SendResult.Status.THROTTLED;
            return new SendResult(status, decision.waitSeconds());
        }
        // Two requests at once (a double click on "send a new code", two tabs) both pass the check above; only the
        // one that claims this cluster-wide key for the cooldown sends. The other is told to wait, as it should be.
        String sending = "unify-code-send:" + realm.getId() + ":" + user.getId() + ":" + purpose.id();
        long cooldownSeconds = Math.max(1, policy.resendCooldown().toSeconds());
        if (!session.singleUseObjects().putIfAbsent(sending, cooldownSeconds)) {
            return new SendResult(SendResult.Status.THROTTLED, cooldownSeconds);
        }
        GeneratedCode code = generator.generate(policy);
        CodeHasher hasher = keys.active();
        HashedCode hashed = hasher.hashSessionCode(purpose, user.getId(), code.normalized());
        try {
            mailer.send(user, purpose, code, policy, authSession);
        } catch (EmailException e) {
            // Nothing was sent: no cooldown. The exception names the SMTP problem, never the code.
            session.singleUseObjects().remove(sending);
            LOG.warnf("Could not email a %s code to user %s in realm %s: %s", purpose.id(), user.getId(),
                    realm.getName(), e.getMessage());
            return new SendResult(SendResult.Status.SEND_FAILED, 0);
        }
        Instant now = now();
        String codeId = KeycloakModelUtils.generateId();
        store.replace(realm.getId(), StoredCode.issue(codeId, purpose, user.getId(), hashed, now, policy));
        store.recordSend(realm.getId(), user.getId(), purpose, now);
        store.ensureWrongCodeCounter(realm.getId(), user.getId());
        if (authSession != null) {
            authSession.setAuthNote(NOTE_SENDS + purpose.id(), SessionSends.after(earlier, now).encode());
            authSession.setAuthNote(NOTE_BOUND + purpose.id(), codeId);
        }
        return new SendResult(SendResult.Status.SENT, policy.resendCooldown().toSeconds());
    }

    /**
     * Checks typed input. Empty when the input cannot be a code of this policy (wrong length, illegal characters):
     * that is a typing slip, reported as such and not counted as a try.
     *
     * @param authSession the session the code is typed in; its note of its last send spares reading the send log
     *                    for the resend button while its code is the newest
     */
    public Optional<Attempt> check(UserModel user, CodePurpose purpose, CodePolicy policy, String input,
                                   AuthenticationSessionModel authSession) {
        return check(user, purpose, policy, input, authSession, false);
    }

    /**
     * As {@link #check(UserModel, CodePurpose, CodePolicy, String, AuthenticationSessionModel)}; with {@code refuse}
     * (the account is locked, see {@link CodeLockout}) even the right code is answered and counted as a wrong one.
     * So is a code typed in another authentication session than the one that sent it. Every wrong code also counts
     * towards the account's bound on wrong codes in a row; a right one clears it.
     */
    public Optional<Attempt> check(UserModel user, CodePurpose purpose, CodePolicy policy, String input,
                                   AuthenticationSessionModel authSession, boolean refuse) {
        Optional<String> normalized = CodeNormalizer.normalize(input, policy);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredCode> newest = store.newest(realm.getId(), user.getId(), purpose);
        HashedCode candidate = newest
                .flatMap(stored -> keys.byKeyId(stored.hashedCode().keyId()))
                .orElseGet(keys::active)
                .hashSessionCode(purpose, user.getId(), normalized.get());
        Instant now = now();
        boolean sentHere = authSession != null && newest
                .filter(code -> code.id().equals(authSession.getAuthNote(NOTE_BOUND + purpose.id()))).isPresent();
        CodeCheck.Result result = CodeCheck.verify(newest, candidate, now, policy, sentHere && !refuse);
        if (result.toPersist().isPresent() && !store.recordCheck(newest.get(), result.toPersist().get())) {
            // Another request changed this code between our read and write (a double submit): it won, we did not.
            result = new CodeCheck.Result(CodeCheck.Outcome.CONSUMED, 0, Optional.empty());
        }
        CodeLockout lockout = new CodeLockout(session, realm, store);
        if (result.isValid()) {
            lockout.countRightCode(user);
            return Optional.of(new Attempt(result, Optional.empty()));
        }
        if (result.isWrongGuess()) {
            lockout.countWrongCode(user);
        }
        Optional<List<Instant>> knownSends = Optional.ofNullable(authSession)
                .flatMap(session -> SessionSends.decode(session.getAuthNote(NOTE_SENDS + purpose.id())))
                .flatMap(sends -> sends.ifCurrent(newest));
        ResendThrottle.Decision resend = knownSends.isPresent()
                ? ResendThrottle.of(policy).decide(knownSends.get(), now)
                : throttle(user, purpose, policy);
        return Optional.of(new Attempt(result, Optional.of(resend)));
    }

    /**
     * Stores a new code for the user in place of the older one, without mailing it: the first half of a send that
     * happens after the response ({@link DeferredCodeSender}). The caller mails the returned code once this
     * transaction has committed, so the code works by the time the mail arrives.
     */
    GeneratedCode issueUnsent(UserModel user, CodePurpose purpose, CodePolicy policy, String codeId) {
        GeneratedCode code = generator.generate(policy);
        HashedCode hashed = keys.active().hashSessionCode(purpose, user.getId(), code.normalized());
        Instant now = now();
        store.replace(realm.getId(), StoredCode.issue(codeId, purpose, user.getId(), hashed, now, policy));
        store.ensureWrongCodeCounter(realm.getId(), user.getId());
        return code;
    }

    /**
     * Binds a code to the authentication session that asked for it, before the code exists: the caller chose its id
     * ({@link #issueUnsent}'s {@code codeId}) and the code is stored after the response. Only this session's typed
     * code may match it (ASVS 5.0 6.6.2).
     */
    static void bind(AuthenticationSessionModel authSession, CodePurpose purpose, String codeId) {
        authSession.setAuthNote(NOTE_BOUND + purpose.id(), codeId);
    }

    /** The second half: mails a code stored by {@link #issueUnsent}. */
    void mail(UserModel user, CodePurpose purpose, GeneratedCode code, CodePolicy policy) throws EmailException {
        mailer.send(user, purpose, code, policy, null);
    }

    /**
     * Decides on a normalised code against the newest stored code of {@code subject} (a user id; for an identifier
     * without an account, its keyed hash, under which nothing is ever stored), and writes the outcome back. Every call
     * does the same database work whatever the subject and outcome: one read of the newest code, one hash, one
     * conditional update (one that matches no row when there is nothing to write), so the time it takes does not
     * tell whether the subject has a code.
     *
     * @param authSession the session the code is typed in: only a code issued for it ({@link #bind}) may match
     * @param refuse      the account is locked ({@link CodeLockout}): no code matches
     */
    public CodeCheck.Result verify(String subject, CodePurpose purpose, CodePolicy policy, String normalizedCode,
                                   AuthenticationSessionModel authSession, boolean refuse) {
        Optional<StoredCode> newest = store.newest(realm.getId(), subject, purpose);
        HashedCode candidate = newest
                .flatMap(stored -> keys.byKeyId(stored.hashedCode().keyId()))
                .orElseGet(keys::active)
                .hashSessionCode(purpose, subject, normalizedCode);
        // A code matches only in the session it was issued for, and never while the account is locked: refused, even
        // the right code is answered, written back and counted exactly as a wrong one.
        boolean sentHere = authSession != null && newest
                .filter(code -> code.id().equals(authSession.getAuthNote(NOTE_BOUND + purpose.id()))).isPresent();
        CodeCheck.Result result = CodeCheck.verify(newest, candidate, now(), policy, sentHere && !refuse);
        if (result.toPersist().isPresent()) {
            if (!store.recordCheck(newest.get(), result.toPersist().get())) {
                // Another request changed this code between our read and write (a double submit): it won, we did not.
                return new CodeCheck.Result(CodeCheck.Outcome.CONSUMED, 0, Optional.empty());
            }
        } else {
            StoredCode nothing = StoredCode.issue(KeycloakModelUtils.generateId(), purpose, subject, candidate, now(),
                    policy);
            store.recordCheck(nothing, nothing);
        }
        return result;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
