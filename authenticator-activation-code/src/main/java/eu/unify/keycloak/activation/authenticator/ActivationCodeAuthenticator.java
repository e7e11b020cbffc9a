package eu.unify.keycloak.activation.authenticator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.ExistingUserInfo;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeCheck;
import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodeNormalizer;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.StoredCode;
import eu.unify.keycloak.activation.config.AccountCodeOptions;
import eu.unify.keycloak.activation.form.CodeForm;
import eu.unify.keycloak.activation.requiredaction.AccountActivationConfig;
import eu.unify.keycloak.activation.requiredaction.AccountActivationRequiredActionFactory;
import eu.unify.keycloak.activation.service.AccountCodeService;
import eu.unify.keycloak.activation.service.CodeEvents;

/**
 * The first-broker-login step of story 2: after the user signed in at an external identity provider, they type the
 * activation code of their welcome message. The code alone names the pre-created account (found by its keyed hash),
 * and that account becomes the user the brokered identity is linked to, as Keycloak's own linking steps do. Nothing
 * is ever matched by email address.
 *
 * <p>With "Code in the welcome message" on ({@code unify-account-activation}), the welcome message carries a code of
 * purpose {@code activation-in-message} instead; that code is accepted here too, so the one message serves both ways
 * in: the activation link, or the external sign-in.
 *
 * <p>A wrong code matches no account, so no user can be charged for it: wrong codes are limited per sign-in (the
 * configured wrong tries) and per IP address and hour. A code that does name an account but cannot be used (already
 * used, expired) counts against that user in Keycloak's brute-force protection (category {@code otp}).
 */
final class ActivationCodeAuthenticator extends AbstractIdpAuthenticator {

    static final CodePurpose PURPOSE = CodePurpose.ACCOUNT_LINK;

    private static final String NOTE_FAILURES = "unify-activation-code.failures";
    private static final String ADDRESS_KEY = "unify-activation-code.failures:";
    private static final String ADDRESS_COUNT = "count";
    private static final long ADDRESS_WINDOW_SECONDS = 3600;

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        AccountCodeOptions options = options(context);
        CodeForm form = form(options.policy());
        if (tooManyFailures(context, options)) {
            form.pageError("unify-code-error-account-too-many");
        }
        context.challenge(form.render(context.form()));
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        AccountCodeOptions options = options(context);
        CodePolicy policy = options.policy();
        EventBuilder event = context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .detail(Details.IDENTITY_PROVIDER_USERNAME, brokerContext.getUsername())
                .detail(CodeEvents.DETAIL_PURPOSE, PURPOSE.id());

        if (tooManyFailures(context, options)) {
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).detail("reason", "too_many_failures")
                    .error(Errors.INVALID_CODE);
            context.challenge(form(policy).pageError("unify-code-error-account-too-many").render(context.form()));
            return;
        }
        String input = context.getHttpRequest().getDecodedFormParameters().getFirst(CodeForm.FIELD_CODE);
        Optional<String> normalized = CodeNormalizer.normalize(input, CodeKind.ACCOUNT);
        if (normalized.isEmpty()) {
            // A typing slip (too short, a letter that is not in codes): explained, not counted.
            context.challenge(form(policy).error("unify-code-error-format", policy.length()).render(context.form()));
            return;
        }

        AccountCodeService codes = AccountCodeService.of(context.getSession(), context.getRealm());
        Optional<AccountCodeService.Match> match = Optional.empty();
        for (CodePurpose purpose : CodePurpose.ofWelcomeMessage(AccountActivationConfig.codeInWelcomeMessage(context.getRealm()))) {
            match = codes.find(purpose, normalized.get());
            if (match.isPresent()) {
                event.detail(CodeEvents.DETAIL_PURPOSE, purpose.id());
                break;
            }
        }
        if (match.isEmpty()) {
            countFailure(context, null);
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).detail("reason", "no_matching_code")
                    .error(Errors.INVALID_CODE);
            refuse(context, policy, "unify-code-error-account-code");
            return;
        }

        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = session.users().getUserById(realm, match.get().userId());
        if (user == null || !user.isEnabled()) {
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR)
                    .error(user == null ? Errors.USER_NOT_FOUND : Errors.USER_DISABLED);
            refuse(context, policy, "unify-code-error-account-code");
            return;
        }
        event.user(user);
        if (realm.isBruteForceProtected() && bruteForce(context).isTemporarilyDisabled(session, realm, user)) {
            // Not consumed: the code still works once the lock has passed.
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).error(Errors.USER_TEMPORARILY_DISABLED);
            refuse(context, policy, "unify-code-error-account-too-many");
            return;
        }
        String alias = brokerContext.getIdpConfig().getAlias();
        StoredCode stored = match.get().code();
        // A used or expired code is refused as such below, whatever has become of its account since.
        boolean spent = stored.consumed() || stored.isExpiredAt(Instant.ofEpochMilli(Time.currentTimeMillis()));
        if (!spent && session.users().getFederatedIdentity(realm, user, alias) != null) {
            // The account already has a sign-in from this provider; a second one is an admin's decision.
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).detail("reason", "already_linked")
                    .error(Errors.FEDERATED_IDENTITY_EXISTS);
            refuse(context, policy, "unify-code-error-account-linked");
            return;
        }

        CodeCheck.Result result = codes.redeem(match.get(), policy);
        if (!result.isValid()) {
            countFailure(context, user);
            CodeEvents.failed(event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR), result);
            refuse(context, policy, "unify-code-error-account-code");
            return;
        }

        // The code came by email to this account's address: the address is verified, the account is activated.
        user.setEmailVerified(true);
        user.removeRequiredAction(AccountActivationRequiredActionFactory.ID);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeAuthNote(NOTE_FAILURES);
        authSession.setAuthNote(EXISTING_USER_INFO,
                new ExistingUserInfo(user.getId(), UserModel.USERNAME, user.getUsername()).serialize());
        context.setUser(user);
        event.success();
        context.success();
    }

    /**
     * Shows the form again with the message. Deliberately not {@code failureChallenge}: Keycloak would charge that
     * failure to whichever local user has the brokered username as username or email, an account the code never
     * named. {@link #countFailure} charges the user the code named, and only that one.
     */
    private static void refuse(AuthenticationFlowContext context, CodePolicy policy, String message) {
        context.challenge(form(policy).error(message).render(context.form()));
    }

    private static boolean tooManyFailures(AuthenticationFlowContext context, AccountCodeOptions options) {
        return sessionFailures(context.getAuthenticationSession()) >= options.policy().maxAttempts()
                || addressFailures(context) >= options.maxFailuresPerAddress();
    }

    /** One more wrong try for this sign-in and this address, and for the named user (if the code named one). */
    private static void countFailure(AuthenticationFlowContext context, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_FAILURES, Integer.toString(sessionFailures(authSession) + 1));

        SingleUseObjectProvider counters = context.getSession().singleUseObjects();
        String key = addressKey(context);
        int count = addressFailures(context) + 1;
        Map<String, String> notes = new HashMap<>(Map.of(ADDRESS_COUNT, Integer.toString(count)));
        // The hour runs from the first failure; later ones only raise the count.
        if (count == 1 || !counters.replace(key, notes)) {
            counters.put(key, ADDRESS_WINDOW_SECONDS, notes);
        }

        RealmModel realm = context.getRealm();
        if (user != null && realm.isBruteForceProtected()) {
            bruteForce(context).failedLogin(realm, user, context.getConnection(), context.getUriInfo(), Set.of("otp"));
        }
    }

    private static int sessionFailures(AuthenticationSessionModel authSession) {
        return parse(authSession.getAuthNote(NOTE_FAILURES));
    }

    private static int addressFailures(AuthenticationFlowContext context) {
        Map<String, String> notes = context.getSession().singleUseObjects().get(addressKey(context));
        return notes == null ? 0 : parse(notes.get(ADDRESS_COUNT));
    }

    private static String addressKey(AuthenticationFlowContext context) {
        return ADDRESS_KEY + context.getRealm().getId() + ":" + context.getConnection().getRemoteAddr();
    }

    private static int parse(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static CodeForm form(CodePolicy policy) {
        // The code came in the welcome message: there is no address to show and nothing to send again.
        return new CodeForm(PURPOSE, policy, null).resend(false, 0);
    }

    private static AccountCodeOptions options(AuthenticationFlowContext context) {
        return AccountCodeOptions.of(context.getAuthenticatorConfig() == null
                ? null : context.getAuthenticatorConfig().getConfig());
    }

    private static BruteForceProtector bruteForce(AuthenticationFlowContext context) {
        return context.getSession().getProvider(BruteForceProtector.class);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
