package eu.unify.keycloak.activation.authenticator;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.form.CodeForm;
import eu.unify.keycloak.common.mask.EmailMask;
import eu.unify.keycloak.activation.service.CodeEvents;
import eu.unify.keycloak.activation.service.CodeLockout;
import eu.unify.keycloak.activation.service.IdentifierCodeService;
import eu.unify.keycloak.activation.service.SessionCodeService;
import eu.unify.keycloak.activation.service.SessionCodeService.SendResult;

/**
 * Password reset by an emailed code, in place of Keycloak's "Send Reset Email" link: the user types the code in the
 * same browser, then the flow's next step lets them set a new password.
 *
 * <p>Anti-enumeration: "Choose User" lets the flow continue without a user when the identifier is unknown. What this
 * step answers depends only on what was asked for the identifier typed there, never on whether it names an account:
 * <ul>
 *   <li>resend cooldown, hourly cap and wrong tries are kept per realm and identifier (its keyed hash) in the database
 *       ({@link IdentifierCodeService}), not per account or per browser;</li>
 *   <li>the page is rendered without the account, so it speaks the visitor's language (kc_locale, cookie, browser),
 *       never the account's, and shows nothing else the account has;</li>
 *   <li>both paths do the same work before the response: the code of a real account is issued and mailed after it,
 *       and a typed code is checked against a stored code either way. Nothing sleeps.</li>
 * </ul>
 *
 * <p>Locks: while an account's codes are refused ({@link CodeLockout}: Keycloak's brute-force lockout, or the bound
 * on wrong codes in a row), its identifier is answered exactly as an unknown one: the identifier's state is updated as
 * for any granted send, the page is the same, nothing is sent, and every code typed, the right one included, is
 * answered and counted as a wrong one. A code works only in the authentication session that asked for it.
 */
final class ResetCodeAuthenticator implements Authenticator {

    static final CodePurpose PURPOSE = CodePurpose.RESET_CREDENTIALS;

    private static final String NOTE_ISSUED = "unify-reset-code.issued";
    /** Event detail: the account's codes were refused because it is locked (see {@link CodeLockout}). */
    static final String DETAIL_LOCKED = "unify_locked";

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
            context.challenge(currentState(context, config).render(visitorForm(context)));
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
        CodePolicy policy = config.policy();
        UserModel user = recipient(context);
        String key = identifierKey(context);
        CodeLockout.Lock lock = requests(context).lock(user, key, config.maxWrongCodesInARow());
        // The mail's language as Keycloak would pick it for the account (what the visitor chose, else the account's
        // own); the page's is the visitor's alone.
        Locale mailLocale = context.getSession().getContext().resolveLocale(user);
        SendResult result = requests(context).send(PURPOSE, key, policy, lock.refusesCodes() ? null : user,
                mailLocale, context.getAuthenticationSession().getClient().getClientId(),
                EventType.SEND_RESET_PASSWORD, context.getAuthenticationSession());
        if (lock.refusesCodes()) {
            // For the admin only (events are not shown to users): nothing was sent because the account is locked.
            context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD).user(user)
                    .detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id()).detail(DETAIL_LOCKED, "true")
                    .detail("reason", lock.name().toLowerCase(Locale.ROOT))
                    .error(lock == CodeLockout.Lock.PERMANENT ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
        } else {
            sendEvent(context, user, result, again);
        }

        CodeForm form = again ? form(context, policy).afterSend(result, maskedAddress(context))
                : form(context, policy).afterFirstSend(result, maskedAddress(context));
        return form.render(visitorForm(context));
    }

    /**
     * One event per sending request on either path: for an account, the send (queued) or why not; for an unknown
     * identifier asking again, an error without a user. (Its first request had "Choose User"'s own event.)
     */
    private static void sendEvent(AuthenticationFlowContext context, UserModel user, SendResult result, boolean again) {
        var event = context.getEvent().clone().event(EventType.SEND_RESET_PASSWORD)
                .detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());
        if (user == null) {
            if (again) {
                event.detail("reason", result.status().name().toLowerCase(Locale.ROOT)).error(Errors.USER_NOT_FOUND);
            }
            return;
        }
        event.user(user).detail(Details.EMAIL, user.getEmail());
        if (result.status() == SendResult.Status.SENT) {
            event.success();
        } else {
            event.detail("reason", result.status().name().toLowerCase(Locale.ROOT))
                    .error(Errors.GENERIC_AUTHENTICATION_ERROR);
        }
    }

    private void checkCode(AuthenticationFlowContext context, ResetCodeConfig config, String input) {
        CodePolicy policy = config.policy();
        UserModel user = recipient(context);
        String key = identifierKey(context);
        boolean locked = requests(context).lock(user, key, config.maxWrongCodesInARow()).refusesCodes();
        Optional<SessionCodeService.Attempt> checked = requests(context).check(PURPOSE, key, policy, user, input,
                context.getAuthenticationSession(), locked);
        if (checked.isEmpty()) {
            context.challenge(currentState(context, config).error("unify-code-error-format", policy.length())
                    .render(visitorForm(context)));
            return;
        }
        CodeCheck.Result result = checked.get().result();
        if (result.isValid()) {
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
            if (locked) {
                event.detail(DETAIL_LOCKED, "true");
            }
        }
        CodeEvents.failed(event, result);
        Response page = form(context, policy).resend(checked.get().resend().orElseThrow()).afterCheck(result)
                .render(visitorForm(context));
        if (result.isWrongGuess()) {
            // Reported as invalid credentials, so Keycloak's brute-force protection counts it (category otp).
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.challenge(page);
        }
    }

    /** The form as it stands, with the resend button's current countdown. */
    private CodeForm currentState(AuthenticationFlowContext context, ResetCodeConfig config) {
        CodePolicy policy = config.policy();
        return form(context, policy).resend(requests(context).throttle(PURPOSE, identifierKey(context), policy));
    }

    private CodeForm form(AuthenticationFlowContext context, CodePolicy policy) {
        return new CodeForm(PURPOSE, policy, maskedAddress(context));
    }

    /**
     * Keycloak's form without the account: the language is the visitor's (kc_locale, cookie, browser) rather than
     * the account's, and nothing of the account (its organisation, say) reaches the page before the code is typed.
     */
    private static LoginFormsProvider visitorForm(AuthenticationFlowContext context) {
        return context.form().setUser(null);
    }

    /** What the user typed, masked when it is an address: the same for known and unknown accounts. */
    private static String maskedAddress(AuthenticationFlowContext context) {
        return EmailMask.mask(typedIdentifier(context));
    }

    private static String typedIdentifier(AuthenticationFlowContext context) {
        return context.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
    }

    private static String identifierKey(AuthenticationFlowContext context) {
        return requests(context).key(PURPOSE, typedIdentifier(context));
    }

    /** The account to send to, or null when there is none that can receive a code (unknown, disabled, no email). */
    private static UserModel recipient(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !user.isEnabled() || user.getEmail() == null || user.getEmail().isBlank()) {
            return null;
        }
        return user;
    }

    private static IdentifierCodeService requests(AuthenticationFlowContext context) {
        return IdentifierCodeService.of(context.getSession(), context.getRealm());
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
