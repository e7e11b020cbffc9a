package eu.unify.keycloak.activation.requiredaction;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.config.SessionCodeOptions;
import eu.unify.keycloak.activation.form.CodeForm;
import eu.unify.keycloak.common.mask.EmailMask;
import eu.unify.keycloak.activation.service.AccountCodeService;
import eu.unify.keycloak.activation.service.CodeEvents;
import eu.unify.keycloak.activation.service.CodeLockout;
import eu.unify.keycloak.activation.service.SessionCodeService;
import eu.unify.keycloak.activation.service.SessionCodeService.SendResult;

/**
 * What the activation link of an admin-created account runs. The code is emailed only when the user opens the page,
 * so a mail scanner that pre-fetches the link learns nothing it can use; after the code, a user without a password
 * chooses one under the realm's password policy (Keycloak's "Update Password" action). With "Sign in after activation"
 * (default) the user is then signed in and sent to the service named in the activation link
 * ({@link SignInAfterActivation}); otherwise Keycloak confirms and links back to it. With "Code in the welcome message" on, nothing is emailed:
 * the page asks for the code of the welcome message, which only works for the account the link belongs to.
 */
final class AccountActivationRequiredAction implements RequiredActionProvider {

    static final CodePurpose PURPOSE = CodePurpose.ACTIVATION;
    /** With "Code in the welcome message": the code printed in the message, issued by the welcome endpoint. */
    static final CodePurpose WELCOME_PURPOSE = CodePurpose.ACTIVATION_IN_MESSAGE;
    private static final String NOTE_ISSUED = "unify-account-activation.issued";
    /** Event detail: whether the activation ends signed in (after the password), see {@link SignInAfterActivation}. */
    static final String DETAIL_SIGN_IN = "unify_sign_in";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        // Only an admin assigns it; an application cannot start it with kc_action.
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (welcomeCode(context)) {
            // The code is in the welcome message already: nothing is sent, the page only asks for it.
            context.challenge(welcomeForm(context).render(context.form()));
            return;
        }
        CodePolicy policy = policy(context);
        if (context.getAuthenticationSession().getAuthNote(NOTE_ISSUED) == null) {
            context.getAuthenticationSession().setAuthNote(NOTE_ISSUED, "true");
            context.challenge(send(context, policy, false).render(context.form()));
        } else {
            context.challenge(currentState(context, policy).render(context.form()));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        boolean welcome = welcomeCode(context);
        CodePurpose purpose = welcome ? WELCOME_PURPOSE : PURPOSE;
        CodePolicy policy = welcome ? AccountCodeOptions.ofRealm(context.getRealm()).policy() : policy(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (!welcome && form.containsKey(CodeForm.FIELD_RESEND)) {
            context.challenge(send(context, policy, true).render(context.form()));
            return;
        }
        UserModel user = context.getUser();
        RealmModel realm = context.getRealm();
        BruteForceProtector bruteForce = context.getSession().getProvider(BruteForceProtector.class);
        if (refusedForLock(context, purpose, welcome)) {
            CodeForm page = welcome ? welcomeForm(context) : currentState(context, policy);
            context.challenge(page.pageError("unify-code-error-locked").render(context.form()));
            return;
        }

        String input = form.getFirst(CodeForm.FIELD_CODE);
        Optional<SessionCodeService.Attempt> checked = welcome
                ? AccountCodeService.of(context.getSession(), realm).checkOwn(user, purpose, policy, input)
                        .map(result -> new SessionCodeService.Attempt(result, Optional.empty()))
                : service(context).check(user, purpose, policy, input, context.getAuthenticationSession());
        if (checked.isEmpty()) {
            CodeForm page = welcome ? welcomeForm(context) : currentState(context, policy);
            context.challenge(page.error("unify-code-error-format", policy.length()).render(context.form()));
            return;
        }
        CodeCheck.Result result = checked.get().result();
        var event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(Details.CUSTOM_REQUIRED_ACTION, AccountActivationRequiredActionFactory.ID)
                .detail(CodeEvents.DETAIL_PURPOSE, purpose.id());
        switch (result.outcome()) {
            case VALID -> {
                user.setEmailVerified(true);
                if (!user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
                    user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
                }
                context.getAuthenticationSession().removeAuthNote(NOTE_ISSUED);
                ActivationLanding.whenNoServiceIsNamed(context.getSession(), realm, context.getAuthenticationSession());
                if (signIn(context)) {
                    event.detail(DETAIL_SIGN_IN, Boolean.toString(
                            SignInAfterActivation.prepare(context.getAuthenticationSession(), realm, user)));
                }
                event.success();
                context.success();
            }
            default -> {
                if (result.isWrongGuess() && realm.isBruteForceProtected()) {
                    // Counted like a wrong one-time password, the category Keycloak's protection listens to.
                    bruteForce.failedLogin(realm, user, context.getConnection(), context.getUriInfo(), Set.of("otp"));
                }
                CodeEvents.failed(event.event(EventType.CUSTOM_REQUIRED_ACTION_ERROR), result);
                CodeForm page;
                if (!welcome) {
                    page = form(context, policy).resend(checked.get().resend().orElseThrow()).afterCheck(result);
                } else if (result.outcome() == CodeCheck.Outcome.WRONG) {
                    page = welcomeForm(context).afterCheck(result);
                } else {
                    // Void, used or expired: only an admin can send a new welcome message.
                    page = welcomeForm(context).error("unify-code-error-account-code");
                }
                context.challenge(page.render(context.form()));
            }
        }
    }

    private CodeForm send(RequiredActionContext context, CodePolicy policy, boolean again) {
        UserModel user = context.getUser();
        if (refusedForLock(context, PURPOSE, false)) {
            // No usable code for a locked account: nothing is sent. Whoever opened the activation link holds the
            // mailbox the link went to, so the page says why.
            return form(context, policy).resend(true, 0).pageError("unify-code-error-locked");
        }
        SendResult result = service(context).send(user, PURPOSE, policy, context.getAuthenticationSession());
        var event = context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(user)
                .detail(Details.CUSTOM_REQUIRED_ACTION, AccountActivationRequiredActionFactory.ID)
                .detail(Details.EMAIL, user.getEmail()).detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id())
                .detail("code_sent", Boolean.toString(result.status() == SendResult.Status.SENT));
        if (result.status() == SendResult.Status.SEND_FAILED) {
            event.event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).error(Errors.EMAIL_SEND_FAILED);
        } else {
            event.success();
        }
        String masked = EmailMask.mask(user.getEmail());
        return again ? form(context, policy).afterSend(result, masked) : form(context, policy).afterFirstSend(result, masked);
    }

    /**
     * Whether the account's codes are refused now ({@link CodeLockout}); if so, records why in an error event. The
     * code is then neither sent nor checked nor counted: the lock ends on its own or by its owner or an admin.
     */
    private static boolean refusedForLock(RequiredActionContext context, CodePurpose purpose, boolean welcome) {
        int bound = welcome ? AccountCodeOptions.ofRealm(context.getRealm()).maxWrongCodesInARow()
                : SessionCodeOptions.maxWrongCodesInARow(context.getConfig() == null ? null : context.getConfig().getConfig());
        CodeLockout.Lock lock = CodeLockout.of(context.getSession(), context.getRealm()).lock(context.getUser(), bound);
        if (!lock.refusesCodes()) {
            return false;
        }
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).user(context.getUser())
                .detail(Details.CUSTOM_REQUIRED_ACTION, AccountActivationRequiredActionFactory.ID)
                .detail(CodeEvents.DETAIL_PURPOSE, purpose.id()).detail("reason", lock.name().toLowerCase(Locale.ROOT))
                .error(lock == CodeLockout.Lock.PERMANENT ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
        return true;
    }

    private CodeForm currentState(RequiredActionContext context, CodePolicy policy) {
        ResendThrottle.Decision decision = service(context).throttle(context.getUser(), PURPOSE, policy);
        return form(context, policy).resend(decision);
    }

    private static CodeForm form(RequiredActionContext context, CodePolicy policy) {
        return new CodeForm(PURPOSE, policy, EmailMask.mask(context.getUser().getEmail()));
    }

    /** The page asking for the welcome message's code: no resend, only an admin sends a new one. */
    private static CodeForm welcomeForm(RequiredActionContext context) {
        return new CodeForm(WELCOME_PURPOSE, AccountCodeOptions.ofRealm(context.getRealm()).policy(), null)
                .resend(false, 0);
    }

    private static boolean welcomeCode(RequiredActionContext context) {
        return context.getConfig() != null && AccountActivationConfig.codeInWelcomeMessage(context.getConfig().getConfig());
    }

    private static boolean signIn(RequiredActionContext context) {
        return AccountActivationConfig.signInAfterActivation(
                context.getConfig() == null ? null : context.getConfig().getConfig());
    }

    private static CodePolicy policy(RequiredActionContext context) {
        return SessionCodeOptions.policy(context.getConfig() == null ? null : context.getConfig().getConfig());
    }

    private static SessionCodeService service(RequiredActionContext context) {
        return SessionCodeService.of(context.getSession(), context.getRealm());
    }

    @Override
    public void close() {
    }
}
