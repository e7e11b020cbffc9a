package eu.unify.keycloak.activation.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodeGenerator;
import eu.unify.keycloak.activation.code.CodeHasher;
import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodeNormalizer;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.GeneratedCode;
import eu.unify.keycloak.activation.code.HashedCode;
import eu.unify.keycloak.activation.code.StoredCode;
import eu.unify.keycloak.activation.store.ActivationCodeStore;

/**
 * Codes that name their account on their own (the activation code of a welcome message): issued by an admin and
 * emailed, later typed by someone whom Keycloak does not know yet. They are found by their realm-keyed hash, so the
 * store never needs the code and a stolen table yields nothing. Works in the request's transaction; never logs a code.
 */
public final class AccountCodeService {

    private static final Logger LOG = Logger.getLogger(AccountCodeService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RealmModel realm;
    private final ActivationCodeStore store;
    private final CodeLockout lockout;
    private final CodeKeys keys;
    private final CodeMailer mailer;
    private final CodeGenerator generator;

    AccountCodeService(RealmModel realm, ActivationCodeStore store, CodeLockout lockout, CodeKeys keys,
                       CodeMailer mailer, CodeGenerator generator) {
        this.realm = realm;
        this.store = store;
        this.lockout = lockout;
        this.keys = keys;
        this.mailer = mailer;
        this.generator = generator;
    }

    public static AccountCodeService of(KeycloakSession session, RealmModel realm) {
        ActivationCodeStore store = ActivationCodeStore.of(session);
        return new AccountCodeService(realm, store, new CodeLockout(session, realm, store), new CodeKeys(session, realm),
                new CodeMailer(session, realm), new CodeGenerator(RANDOM));
    }

    /** Result of issuing a code; {@code expiresAt} is set only when it was sent. */
    public record Issued(Status status, Optional<Instant> expiresAt) {

        public enum Status { SENT, NO_EMAIL, SEND_FAILED }
    }

    /** A stored code that the typed input hashes to, and that hash. */
    public record Match(StoredCode code, HashedCode candidate) {

        public Match {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(candidate, "candidate");
        }

        public String userId() {
            return code.subject();
        }
    }

    /**
     * Emails the user a new code, which replaces any earlier code of the purpose. The code is stored only after the
     * mail went out: if SMTP fails, nothing changes and the earlier code (if any) stays valid.
     */
    public Issued issue(UserModel user, CodePurpose purpose, CodePolicy policy) {
        return issue(user, purpose, policy, null);
    }

    /**
     * As {@link #issue(UserModel, CodePurpose, CodePolicy)}, with {@code linkUrl} (may be null) in the mail: the page
     * where the code is typed, for codes of {@link CodePurpose#ACTIVATION_IN_MESSAGE}.
     */
    public Issued issue(UserModel user, CodePurpose purpose, CodePolicy policy, String linkUrl) {
        requireAccountPurpose(purpose);
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return new Issued(Issued.Status.NO_EMAIL, Optional.empty());
        }
        GeneratedCode code = generator.generate(policy);
        HashedCode hashed = keys.active().hashAccountCode(purpose, code.normalized());
        try {
            mailer.send(user, purpose, code, policy, null, linkUrl);
        } catch (EmailException e) {
            LOG.warnf("Could not email a %s code to user %s in realm %s: %s", purpose.id(), user.getId(),
                    realm.getName(), e.getMessage());
            return new Issued(Issued.Status.SEND_FAILED, Optional.empty());
        }
        Instant now = now();
        StoredCode stored = StoredCode.issue(KeycloakModelUtils.generateId(), purpose, user.getId(), hashed, now, policy);
        store.replace(realm.getId(), stored);
        store.recordSend(realm.getId(), user.getId(), purpose, now);
        store.ensureWrongCodeCounter(realm.getId(), user.getId());
        return new Issued(Issued.Status.SENT, Optional.of(stored.expiresAt()));
    }

    /**
     * The stored code that {@code normalizedCode} names, trying every HMAC key of the realm (a key may have been
     * rotated since the code was issued). Read only: nothing is consumed.
     *
     * @param normalizedCode canonical form from {@link eu.unify.keycloak.activation.code.CodeNormalizer}
     */
    public Optional<Match> find(CodePurpose purpose, String normalizedCode) {
        requireAccountPurpose(purpose);
        for (CodeHasher hasher : keys.all()) {
            HashedCode candidate = hasher.hashAccountCode(purpose, normalizedCode);
            Optional<StoredCode> stored = store.byHash(realm.getId(), purpose, candidate.hash());
            if (stored.isPresent()) {
                return Optional.of(new Match(stored.get(), candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Redeems a found code: the constant-time check of {@link CodeCheck} (hash and key id), expiry and single use,
     * written back conditionally so that of two requests with the same code exactly one gets {@code VALID}. The
     * outcome counts in the row of wrong codes of {@code owner}, the account the code names.
     */
    public CodeCheck.Result redeem(Match match, UserModel owner, CodePolicy policy) {
        if (!owner.getId().equals(match.userId())) {
            throw new IllegalArgumentException("the code belongs to another user");
        }
        CodeCheck.Result result = CodeCheck.verify(Optional.of(match.code()), match.candidate(), now(), policy);
        if (result.toPersist().isPresent() && !store.recordCheck(match.code(), result.toPersist().get())) {
            // Another request redeemed it between our read and our write.
            return new CodeCheck.Result(CodeCheck.Outcome.CONSUMED, 0, Optional.empty());
        }
        if (result.isValid()) {
            lockout.countRightCode(owner);
        } else {
            // A used or expired code names its account: it counts there like a wrong one.
            lockout.countWrongCode(owner);
        }
        return result;
    }

    /**
     * Checks a code typed by a user Keycloak already knows (the activation page opened from the welcome message's
     * link) against that user's newest code of the purpose, like a session code: the per-code limit of wrong tries,
     * expiry and single use all apply, and a code of another account is simply wrong. Empty when the input cannot be
     * a code of this kind (a typing slip, not counted).
     */
    public Optional<CodeCheck.Result> checkOwn(UserModel user, CodePurpose purpose, CodePolicy policy, String input) {
        return checkOwn(user, purpose, policy, input, false);
    }

    /**
     * As {@link #checkOwn(UserModel, CodePurpose, CodePolicy, String)}; with {@code refuse} (the account is locked,
     * see {@link CodeLockout}) even the right code is answered and counted as a wrong one. Wrong codes count towards
     * the account's bound on wrong codes in a row; a right one clears it.
     */
    public Optional<CodeCheck.Result> checkOwn(UserModel user, CodePurpose purpose, CodePolicy policy, String input,
                                               boolean refuse) {
        requireAccountPurpose(purpose);
        Optional<String> normalized = CodeNormalizer.normalize(input, CodeKind.ACCOUNT);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Optional<StoredCode> newest = store.newest(realm.getId(), user.getId(), purpose);
        HashedCode candidate = newest
                .flatMap(stored -> keys.byKeyId(stored.hashedCode().keyId()))
                .orElseGet(keys::active)
                .hashAccountCode(purpose, normalized.get());
        CodeCheck.Result result = CodeCheck.verify(newest, candidate, now(), policy, !refuse);
        if (result.toPersist().isPresent() && !store.recordCheck(newest.get(), result.toPersist().get())) {
            // A double submit: the other request changed the code between our read and our write.
            return Optional.of(new CodeCheck.Result(CodeCheck.Outcome.CONSUMED, 0, Optional.empty()));
        }
        if (result.isValid()) {
            lockout.countRightCode(user);
        } else if (result.isWrongGuess()) {
            lockout.countWrongCode(user);
        }
        return Optional.of(result);
    }

    private static void requireAccountPurpose(CodePurpose purpose) {
        if (purpose.kind() != CodeKind.ACCOUNT) {
            throw new IllegalArgumentException(purpose + " is not a purpose of account codes");
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}
