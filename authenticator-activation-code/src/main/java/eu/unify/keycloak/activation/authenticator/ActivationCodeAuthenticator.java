package eu.unify.keycloak.activation.authenticator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;
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
import eu.unify.keycloak.activation.service.CodeLockout;

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
 * configured wrong tries; then the sign-in must start again, at the external provider). Per IP address there is no
 * hard stop, which one guesser behind a company's shared address would turn against all its colleagues: past the
 * configured wrong codes per hour, every further try in a sign-in after a wrong one waits, twice as long each time up
 * to {@link #MAX_BACKOFF_SECONDS}, while the first try of every sign-in is always checked, so a right code is never
 * refused. Crossing the allowance is logged under {@link #GUESSING_LOG} for an alert. A code that does name an
 * account but cannot be used (already used, expired) counts against that user in Keycloak's brute-force protection
 * (category {@code otp}) and in the account's bound on wrong codes in a row; while either locks the account its codes
 * are refused with the answer a wrong code gets.
 */
final class ActivationCodeAuthenticator extends AbstractIdpAuthenticator {

    static final CodePurpose PURPOSE = CodePurpose.ACCOUNT_LINK;

    private static final String NOTE_FAILURES = "unify-activation-code.failures";
    private static final String ADDRESS_KEY = "unify-activation-code.failures:";
    private static final String ADDRESS_COUNT = "count";
    private static final long ADDRESS_WINDOW_SECONDS = 3600;
    /** The time of this sign-in's last wrong code (epoch ms, Keycloak's clock): where its back-off starts. */
    private static final String NOTE_LAST_FAILURE = "unify-activation-code.last-failure";
    /** The longest wait between two tries of one sign-in, however many wrong codes an address has sent. */
    static final long MAX_BACKOFF_SECONDS = 300;
    /** Log category an admin can alert on: an IP address passed its allowance of wrong welcome codes. */
    static final String GUESSING_LOG = "eu.unify.keycloak.activation.guessing";
    private static final Logger GUESSING = Logger.getLogger(GUESSING_LOG);

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
        long waitSeconds = backOffSeconds(context, options);
        if (waitSeconds > 0) {
            // Not checked and not counted: the try comes too soon after this sign-in's last wrong code.
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).detail("reason", "address_backoff")
                    .error(Errors.SLOW_DOWN);
            context.challenge(form(policy).pageError("unify-code-error-wait", waitSeconds).render(context.form()));
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
        CodeLockout lockout = CodeLockout.of(session, realm);
        CodeLockout.Lock lock = lockout.lock(user, options.maxWrongCodesInARow());
        if (lock.refusesCodes()) {
            // Not consumed: the code still works once the lock has passed. Answered and counted as a wrong code, so
            // the page does not tell whoever typed it that this account exists and is locked.
            countFailure(context, user);
            lockout.countWrongCode(user);
            event.event(EventType.IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).detail("reason", lock.name().toLowerCase(Locale.ROOT))
                    .error(lock == CodeLockout.Lock.PERMANENT ? Errors.USER_DISABLED : Errors.USER_TEMPORARILY_DISABLED);
            refuse(context, policy, "unify-code-error-account-code");
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

        CodeCheck.Result result = codes.redeem(match.get(), user, policy);
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
        authSession.removeAuthNote(NOTE_LAST_FAILURE);
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

    /** This sign-in has used up its wrong tries: only a new sign-in at the external provider helps. */
    private static boolean tooManyFailures(AuthenticationFlowContext context, AccountCodeOptions options) {
        return sessionFailures(context.getAuthenticationSession()) >= options.policy().maxAttempts();
    }

    /**
     * Seconds this sign-in must still wait before its next try is checked; 0 when it may try now. Only an address
     * past its allowance waits, and only after a wrong code of this very sign-in: a sign-in's first try never waits.
     */
    private static long backOffSeconds(AuthenticationFlowContext context, AccountCodeOptions options) {
        String last = context.getAuthenticationSession().getAuthNote(NOTE_LAST_FAILURE);
        if (last == null) {
            return 0;
        }
        int excess = addressFailures(context) - options.maxFailuresPerAddress();
        if (excess < 0) {
            return 0;
        }
        long waitMillis = backOff(excess) * 1000L - (Time.currentTimeMillis() - parseLong(last));
        return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
    }

    /** 1, 2, 4, ... seconds for the allowance's first, second, third, ... wrong code beyond it, at most 5 minutes. */
    static long backOff(int excess) {
        return excess >= 9 ? MAX_BACKOFF_SECONDS : Math.min(MAX_BACKOFF_SECONDS, 1L << excess);
    }

    /** One more wrong try for this sign-in and this address, and for the named user (if the code named one). */
    private static void countFailure(AuthenticationFlowContext context, UserModel user) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_FAILURES, Integer.toString(sessionFailures(authSession) + 1));
        authSession.setAuthNote(NOTE_LAST_FAILURE, Long.toString(Time.currentTimeMillis()));

        SingleUseObjectProvider counters = context.getSession().singleUseObjects();
        String key = addressKey(context);
        int count = addressFailures(context) + 1;
        Map<String, String> notes = new HashMap<>(Map.of(ADDRESS_COUNT, Integer.toString(count)));
        // The hour runs from the first failure; later ones only raise the count.
        if (count == 1 || !counters.replace(key, notes)) {
            counters.put(key, ADDRESS_WINDOW_SECONDS, notes);
        }
        int allowance = options(context).maxFailuresPerAddress();
        if (count == allowance + 1) {
            // Once per address and hour; the address itself is in the events (IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR).
            GUESSING.warnf("Realm %s: one IP address typed more than %d wrong activation codes within an hour; its "
                    + "further tries are slowed down (up to %d s apart per sign-in)", context.getRealm().getName(),
                    allowance, MAX_BACKOFF_SECONDS);
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

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
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
