package eu.unify.keycloak.activation.authenticator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodeNormalizer;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.form.CodeForm;
import eu.unify.keycloak.activation.form.EmailMask;
import eu.unify.keycloak.activation.service.CodeEvents;
import eu.unify.keycloak.activation.service.CodeLockout;
import eu.unify.keycloak.activation.service.SessionCodeService;
import eu.unify.keycloak.activation.service.SessionCodeService.SendResult;

/**
 * Password reset by an emailed code, in place of Keycloak's "Send Reset Email" link: the user types the code in the
 * same browser, then the flow's next step lets them set a new password.
 *
 * <p>Anti-enumeration: "Choose User" lets the flow continue without a user when the address is unknown. Then this
 * step shows exactly the same page, messages and throttle as for a real account, and takes at least the configured
 * minimum response time either way, but sends nothing; every code typed is wrong.
 *
 * <p>Locks: an account whose codes are refused ({@link CodeLockout}: Keycloak's brute-force lockout, or the bound on
 * wrong codes in a row) is answered exactly as an unknown address while the lock lasts: nothing is sent, every code is
 * wrong. A sign-in that already holds a code when the lock begins keeps its page, but even its right code is now
 * counted and answered as a wrong one. A code works only in the authentication session that sent it.
 */
final class ResetCodeAuthenticator implements Authenticator {

    static final CodePurpose PURPOSE = CodePurpose.RESET_CREDENTIALS;

    private static final String NOTE_ISSUED = "unify-reset-code.issued";
    /** Stand-in state for an unknown address: send times and wrong tries, kept only in the auth session. */
    private static final String NOTE_STANDIN_SENDS = "unify-reset-code.standin-sends";
    private static final String NOTE_STANDIN_ATTEMPTS = "unify-reset-code.standin-attempts";
    /** Event detail: the account's codes were refused because it is locked (see {@link CodeLockout}). */
    static final String DETAIL_LOCKED = "unify_locked";
    /** Set when this session's last send went the stand-in way (no account, or a locked one): its checks do too. */
    private static final String NOTE_STANDIN_SESSION = "unify-reset-code.standin";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        ResetCodeConfig config = ResetCodeConfig.of(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        // Keycloak's layout shows "Restart login" with the username only when a user is set, i.e. only for real
        // accounts. With this note it shows what was typed instead, for known and unknown addresses alike.
        authSession.setAuthNote(AbstractUsernameFormAuthenticator.USERNAME_HIDDEN, "true");
        if (authSession.getAuthNote(NOTE_ISSUED) == null) {
            authSession.setAuthNote(NOTE_ISSUED, "true");
            context.challenge(sendAndRender(context, config, false));
        } else {
            // A page refresh: show the form again, never send again.
            context.challenge(currentState(context, config).render(context.form()));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        ResetCodeConfig config = ResetCodeConfig.of(context.getAuthenticatorConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(CodeForm.FIELD_RESEND)) {
            context.challenge(sendAndRender(context, config, true));
            return;
        }
        checkCode(context, config, form.getFirst(CodeForm.FIELD_CODE));
    }

    private Response sendAndRender(AuthenticationFlowContext context, ResetCodeConfig config, boolean again) {
        long started = System.nanoTime();
        CodePolicy policy = config.policy();
        UserModel user = recipient(context);
        CodeLockout.Lock lock = user == null ? CodeLockout.Lock.NONE : lock(context, config, user);
        boolean standIn = user == null || lock.refusesCodes();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (standIn) {
            authSession.setAuthNote(NOTE_STANDIN_SESSION, "true");
        } else {
            authSession.removeAuthNote(NOTE_STANDIN_SESSION);
        }
        SendResult result = standIn ? standInSend(context, policy) : realSend(context, user, policy);
        if (standIn && user != null) {
            // For the admin only (events are not shown to users): nothing was sent because the account is locked.
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                    .detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id()).detail(DETAIL_LOCKED, "true")
                    .detail("reason", lock.name().toLowerCase(Locale.ROOT))
                    .error(lock == CodeLockout.Lock.PERMANENT ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
        }
        waitUntil(started, config.minResponse());

        CodeForm form = again ? form(context, policy).afterSend(result, maskedAddress(context))
                : form(context, policy).afterFirstSend(result, maskedAddress(context));
        return form.render(context.form());
    }

    private SendResult realSend(AuthenticationFlowContext context, UserModel user, CodePolicy policy) {
        SendResult result = service(context).send(user, PURPOSE, policy, context.getAuthenticationSession());
        var event = context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                .detail(Details.EMAIL, user.getEmail()).detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());
        switch (result.status()) {
            case SENT -> event.success();
            case SEND_FAILED -> event.error(Errors.EMAIL_SEND_FAILED);
            default -> event.detail("reason", result.status().name().toLowerCase(Locale.ROOT))
                    .error(Errors.GENERIC_AUTHENTICATION_ERROR);
        }
        return result;
    }

    private SendResult standInSend(AuthenticationFlowContext context, CodePolicy policy) {
        Instant now = now();
        List<Instant> sends = standInSends(context.getAuthenticationSession());
        ResendThrottle.Decision decision = ResendThrottle.of(policy).decide(sends, now);
        if (!decision.allowed()) {
            return new SendResult(decision.verdict() == ResendThrottle.Verdict.HOURLY_CAP
                    ? SendResult.Status.HOURLY_CAP : SendResult.Status.THROTTLED, decision.waitSeconds());
        }
        List<Instant> updated = new ArrayList<>(ResendThrottle.recentSends(sends, now));
        updated.add(now);
        context.getAuthenticationSession().setAuthNote(NOTE_STANDIN_SENDS,
                String.join(",", updated.stream().map(i -> Long.toString(i.toEpochMilli())).toList()));
        context.getAuthenticationSession().removeAuthNote(NOTE_STANDIN_ATTEMPTS);
        return new SendResult(SendResult.Status.SENT, policy.resendCooldown().toSeconds());
    }

    private void checkCode(AuthenticationFlowContext context, ResetCodeConfig config, String input) {
        CodePolicy policy = config.policy();
        UserModel user = recipient(context);
        boolean standIn = user == null
                || context.getAuthenticationSession().getAuthNote(NOTE_STANDIN_SESSION) != null;
        Optional<SessionCodeService.Attempt> checked = standIn
                ? standInCheck(context, policy, input)
                : service(context).check(user, PURPOSE, policy, input, context.getAuthenticationSession(),
                        lock(context, config, user).refusesCodes());
        if (checked.isEmpty()) {
            context.challenge(currentState(context, config).error("unify-code-error-format", policy.length())
                    .render(context.form()));
            return;
        }
        CodeCheck.Result result = checked.get().result();
        if (result.isValid()) {
            // Only reached on the real path: a stand-in check never matches.
            // The user read the mail sent to this address: it is verified.
            user.setEmailVerified(true);
            context.getAuthenticationSession().removeAuthNote(NOTE_ISSUED);
            context.getEvent().detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());
            context.success();
            return;
        }
        var event = context.getEvent().clone().detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());
        if (user != null) {
            event.user(user);
            if (standIn) {
                event.detail(DETAIL_LOCKED, "true");
            }
        }
        CodeEvents.failed(event, result);
        Response page = form(context, policy).resend(checked.get().resend().orElseThrow()).afterCheck(result)
                .render(context.form());
        if (result.isWrongGuess()) {
            // Reported as invalid credentials, so Keycloak's brute-force protection counts it (category otp).
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.challenge(page);
        }
    }

    /** Same checks and outcomes as a real code, but nothing can match: no code was sent. */
    private Optional<SessionCodeService.Attempt> standInCheck(AuthenticationFlowContext context, CodePolicy policy,
                                                              String input) {
        if (CodeNormalizer.normalize(input, policy).isEmpty()) {
            return Optional.empty();
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        List<Instant> sends = standInSends(authSession);
        Optional<ResendThrottle.Decision> resend = Optional.of(ResendThrottle.of(policy).decide(sends, now()));
        if (sends.isEmpty()) {
            return Optional.of(new SessionCodeService.Attempt(
                    new CodeCheck.Result(CodeCheck.Outcome.NO_CODE, 0, Optional.empty()), resend));
        }
        String note = authSession.getAuthNote(NOTE_STANDIN_ATTEMPTS);
        int attempts = (note == null ? 0 : Integer.parseInt(note)) + 1;
        authSession.setAuthNote(NOTE_STANDIN_ATTEMPTS, Integer.toString(Math.min(attempts, policy.maxAttempts())));
        int left = Math.max(0, policy.maxAttempts() - attempts);
        return Optional.of(new SessionCodeService.Attempt(new CodeCheck.Result(
                left == 0 ? CodeCheck.Outcome.EXHAUSTED : CodeCheck.Outcome.WRONG, left, Optional.empty()), resend));
    }

    /** The form as it stands, with the resend button's current countdown. */
    private CodeForm currentState(AuthenticationFlowContext context, ResetCodeConfig config) {
        CodePolicy policy = config.policy();
        UserModel user = recipient(context);
        boolean standIn = user == null
                || context.getAuthenticationSession().getAuthNote(NOTE_STANDIN_SESSION) != null;
        ResendThrottle.Decision decision = standIn
                ? ResendThrottle.of(policy).decide(standInSends(context.getAuthenticationSession()), now())
                : service(context).throttle(user, PURPOSE, policy);
        return form(context, policy).resend(decision);
    }

    private CodeForm form(AuthenticationFlowContext context, CodePolicy policy) {
        return new CodeForm(PURPOSE, policy, maskedAddress(context));
    }

    /** What the user typed, masked when it is an address: the same for known and unknown accounts. */
    private static String maskedAddress(AuthenticationFlowContext context) {
        return EmailMask.mask(context.getAuthenticationSession()
                .getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME));
    }

    /** The account to send to, or null when there is none that can receive a code (unknown, disabled, no email). */
    private static UserModel recipient(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !user.isEnabled() || user.getEmail() == null || user.getEmail().isBlank()) {
            return null;
        }
        return user;
    }

    /** Whether and why the account's codes are refused now (see {@link CodeLockout}). */
    private static CodeLockout.Lock lock(AuthenticationFlowContext context, ResetCodeConfig config, UserModel user) {
        return CodeLockout.of(context.getSession(), context.getRealm()).lock(user, config.maxWrongCodesInARow());
    }

    private static List<Instant> standInSends(AuthenticationSessionModel authSession) {
        String note = authSession.getAuthNote(NOTE_STANDIN_SENDS);
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return Arrays.stream(note.split(",")).map(s -> Instant.ofEpochMilli(Long.parseLong(s))).toList();
    }

    private static SessionCodeService service(AuthenticationFlowContext context) {
        return SessionCodeService.of(context.getSession(), context.getRealm());
    }

    private static void waitUntil(long startedNanos, Duration minimum) {
        long remainingMillis = minimum.toMillis() - (System.nanoTime() - startedNanos) / 1_000_000;
        if (remainingMillis > 0) {
            try {
                Thread.sleep(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    @Override
    public boolean requiresUser() {
        // Must run without a user too: that is how unknown addresses stay indistinguishable.
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
