package eu.unify.keycloak.legacy.move;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.storage.UserStoragePrivateUtil;

import eu.unify.keycloak.legacy.storage.LegacyAccount;
import eu.unify.keycloak.legacy.storage.LegacyMoveSource;
import eu.unify.keycloak.legacy.storage.LegacyStoreUnavailableException;

/**
 * {@code unify-legacy-migration}: the move of a legacy company's accounts to sign-in by email. It is added to the
 * sign-in (never stored on the user) when an account linked to a {@code unify-legacy} store belongs to an enabled
 * wave. A main account sees its accounts and gives an email address for each; before the wave's deadline it may
 * choose "later". A sub-account is told which main account will make the move, and continues.
 *
 * <p>The move runs in a transaction of its own and commits before anything is mailed. Afterwards the sign-in is sent
 * on to a fresh request (a redirect to this action, which then only finishes), so that it continues with the moved
 * user as stored, not with this request's earlier view of it.
 */
final class LegacyMigrationRequiredAction implements RequiredActionProvider {

    /** Auth note: the move was made, postponed or explained in this sign-in; do not ask again. */
    static final String NOTE_DONE = "unify-legacy-migration.done";
    static final String GUARD_PREFIX = "unify-legacy-migration:";
    /** Long enough for one move with its imports; released at once when the move fails. */
    static final long GUARD_SECONDS = 120;

    static final String DETAIL_MOVE = "legacy_move";
    static final String DETAIL_ACCOUNTS = "legacy_move_accounts";
    static final String DETAIL_WAVE = "legacy_wave";
    static final String DETAIL_CREDENTIALS = "legacy_move_credentials";

    static final String ERROR_MANDATORY = "unify-legacy-move-error-mandatory";
    static final String ERROR_FAILED = "unify-legacy-move-error-failed";

    private static final Logger LOG = Logger.getLogger(LegacyMigrationRequiredAction.class);

    /** What this sign-in's account is to the move. */
    private record Subject(UserModel user, LegacyMoveSource source, MoveSettings settings, String wave,
                           WaveSchedule.Status status, Optional<LocalDate> lastOptionalDay, String mainAccount) {

        boolean isSubAccount() {
            return mainAccount != null;
        }
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.NOT_SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (context.getAuthenticationSession().getAuthNote(NOTE_DONE) != null) {
            return;
        }
        // Cheap for everybody else: Keycloak's own users have no federation link, and no wave means nothing to do.
        if (subject(context, false).isPresent()) {
            context.getAuthenticationSession().addRequiredAction(LegacyMigrationRequiredActionFactory.ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        Optional<Subject> subject;
        try {
            subject = subject(context, true);
        } catch (LegacyStoreUnavailableException e) {
            unavailable(context);
            return;
        }
        if (subject.isEmpty()) {
            // Moved (possibly in another request of this sign-in) or no longer in an enabled wave.
            done(context);
            context.success();
            return;
        }
        if (subject.get().isSubAccount()) {
            context.challenge(MovePage.subAccount(context.form(), subject.get().mainAccount()));
            return;
        }
        try {
            Company company = company(context, subject.get());
            context.challenge(form(context, subject.get(), company, null, Map.of(), null));
        } catch (LegacyStoreUnavailableException e) {
            unavailable(context);
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        boolean later = form.containsKey(MovePage.FIELD_LATER);
        Optional<Subject> found;
        try {
            // "Later" must work while the legacy store is down: the imported wave decides then.
            found = subject(context, !later);
        } catch (LegacyStoreUnavailableException e) {
            unavailable(context);
            return;
        }
        if (found.isEmpty()) {
            done(context);
            context.success();
            return;
        }
        Subject subject = found.get();
        if (subject.isSubAccount()) {
            event(context, subject).detail(DETAIL_MOVE, "main-account-moves").success();
            done(context);
            context.success();
            return;
        }
        try {
            if (later) {
                later(context, subject);
            } else if (form.containsKey(MovePage.FIELD_RETRY)) {
                requiredActionChallenge(context);
            } else {
                move(context, subject, form);
            }
        } catch (LegacyStoreUnavailableException e) {
            LOG.warnf("legacy move of user %s: the legacy store is unavailable", subject.user().getId());
            unavailable(context);
        }
    }

    /** The legacy store did not answer: try again, or "later" while the (imported) wave allows it. */
    private static void unavailable(RequiredActionContext context) {
        Optional<Subject> subject = subject(context, false);
        boolean laterAllowed = subject.isPresent() && subject.get().status() == WaveSchedule.Status.OPTIONAL;
        context.challenge(MovePage.unavailable(context.form(), laterAllowed));
    }

    /** "Later": only before the deadline, whatever the form says. */
    private void later(RequiredActionContext context, Subject subject) {
        if (subject.status() != WaveSchedule.Status.OPTIONAL) {
            event(context, subject).event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).detail(DETAIL_MOVE, "later-refused")
                    .error(Errors.INVALID_REQUEST);
            Company company = company(context, subject);
            context.challenge(form(context, subject, company, null, Map.of(), ERROR_MANDATORY));
            return;
        }
        event(context, subject).detail(DETAIL_MOVE, "postponed").success();
        done(context);
        context.success();
    }

    private void move(RequiredActionContext context, Subject subject, MultivaluedMap<String, String> form) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        Company company = company(context, subject);
        List<MoveEntry> entries = entries(company, form);
        Set<String> moving = new HashSet<>();
        company.accounts().stream().map(CompanyAccount::userId).filter(id -> id != null).forEach(moving::add);

        Map<Integer, String> problems = MoveRules.check(entries,
                email -> AccountMove.takenOutside(local, realm, email, moving));
        if (!problems.isEmpty()) {
            event(context, subject).event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).detail(DETAIL_MOVE, "refused")
                    .detail(DETAIL_ACCOUNTS, Integer.toString(entries.size())).error(Errors.INVALID_INPUT);
            context.challenge(form(context, subject, company, entries, problems, null));
            return;
        }

        // One move per main account at a time: a second submit of the form goes on to wherever the first one led.
        String guard = GUARD_PREFIX + realm.getId() + ":" + subject.user().getId();
        if (!session.singleUseObjects().putIfAbsent(guard, GUARD_SECONDS)) {
            continueFreshly(context);
            return;
        }
        CredentialMode mode = subject.settings().credentials();
        List<AccountMove.Planned> plan = plan(subject, company, entries, mode);
        String language = realm.isInternationalizationEnabled()
                ? session.getContext().resolveLocale(subject.user()).toLanguageTag() : null;
        List<AccountMove.Moved> moved;
        try {
            String realmId = realm.getId();
            moved = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), job -> {
                RealmModel jobRealm = job.realms().getRealm(realmId);
                job.getContext().setRealm(jobRealm);
                return AccountMove.apply(job, jobRealm, subject.source().component(), plan, mode, language);
            });
        } catch (AccountMove.Refused refused) {
            session.singleUseObjects().remove(guard);
            refusedEvent(context, subject, entries.size()).error(Errors.INVALID_INPUT);
            Map<Integer, String> problem = refused.index < 0 ? Map.of() : Map.of(refused.index, refused.messageKey);
            context.challenge(form(context, subject, company, entries, problem,
                    refused.index < 0 ? refused.messageKey : null));
            return;
        } catch (RuntimeException e) {
            session.singleUseObjects().remove(guard);
            // The class only: a message may quote a value, and passwords went through this transaction.
            LOG.warnf("legacy move of user %s failed, nothing changed: %s", subject.user().getId(),
                    e.getClass().getName());
            refusedEvent(context, subject, entries.size()).error("legacy_move_failed");
            context.challenge(form(context, subject, company, entries, Map.of(), ERROR_FAILED));
            return;
        }

        event(context, subject).detail(DETAIL_MOVE, "moved")
                .detail(DETAIL_ACCOUNTS, Integer.toString(moved.size()))
                .detail(DETAIL_CREDENTIALS, mode.id()).success();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MoveMails.send(session, realm, authSession.getClient(), authSession.getRedirectUri(), moved);
        // The sign-in goes on as the moved user (same id; a first sign-in held the federated id until now).
        authSession.setAuthenticatedUser(subject.user());
        continueFreshly(context);
    }

    /** The form's lines in the order of the company's accounts; a line the form lacks is empty. */
    static List<MoveEntry> entries(Company company, MultivaluedMap<String, String> form) {
        List<MoveEntry> entries = new ArrayList<>();
        for (CompanyAccount account : company.accounts()) {
            String email = "";
            boolean forward = false;
            for (String key : form.keySet()) {
                if (key.startsWith(MovePage.FIELD_ACCOUNT)
                        && account.legacyUsername().equalsIgnoreCase(String.valueOf(form.getFirst(key)).trim())) {
                    String index = key.substring(MovePage.FIELD_ACCOUNT.length());
                    email = String.valueOf(form.getFirst(MovePage.FIELD_EMAIL + index));
                    forward = form.containsKey(MovePage.FIELD_FORWARD + index);
                    break;
                }
            }
            entries.add(new MoveEntry(account.legacyUsername(), account.main(),
                    "null".equals(email) ? "" : email, forward && !account.main()));
        }
        return entries;
    }

    private static List<AccountMove.Planned> plan(Subject subject, Company company, List<MoveEntry> entries,
                                                  CredentialMode mode) {
        List<AccountMove.Planned> plan = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CompanyAccount account = company.accounts().get(i);
            Optional<PasswordCredentialModel> credential = Optional.empty();
            if (account.main() || mode == CredentialMode.LEGACY_PASSWORD) {
                LegacyAccount legacy = account.legacy();
                credential = legacy == null ? Optional.empty() : subject.source().passwordCredential(legacy);
            }
            plan.add(new AccountMove.Planned(account, entries.get(i).email(), entries.get(i).forward(), credential));
        }
        return plan;
    }

    /** Ends this request with a redirect to the required actions: the next request sees the users as stored. */
    private static void continueFreshly(RequiredActionContext context) {
        done(context);
        context.challenge(AuthenticationManager.redirectToRequiredActions(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), context.getUriInfo(), LegacyMigrationRequiredActionFactory.ID));
    }

    private static void done(RequiredActionContext context) {
        context.getAuthenticationSession().setAuthNote(NOTE_DONE, "true");
    }

    private static Company company(RequiredActionContext context, Subject subject) {
        return Company.of(UserStoragePrivateUtil.userLocalStorage(context.getSession()), context.getRealm(),
                subject.user(), subject.source());
    }

    private static jakarta.ws.rs.core.Response form(RequiredActionContext context, Subject subject, Company company,
                                                    List<MoveEntry> entries, Map<Integer, String> problems,
                                                    String pageError) {
        Locale locale = context.getSession().getContext().resolveLocale(subject.user());
        return MovePage.form(context.form(), company, subject.status(), subject.lastOptionalDay().orElse(null),
                locale, entries, problems, pageError);
    }

    private static EventBuilder event(RequiredActionContext context, Subject subject) {
        return context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(subject.user())
                .detail(Details.CUSTOM_REQUIRED_ACTION, LegacyMigrationRequiredActionFactory.ID)
                .detail(DETAIL_WAVE, subject.wave());
    }

    private static EventBuilder refusedEvent(RequiredActionContext context, Subject subject, int accounts) {
        return event(context, subject).event(EventType.CUSTOM_REQUIRED_ACTION_ERROR).detail(DETAIL_MOVE, "refused")
                .detail(DETAIL_ACCOUNTS, Integer.toString(accounts));
    }

    /**
     * The sign-in's account as the move sees it, or empty when the move does not concern it: not linked to a
     * {@code unify-legacy} store (Keycloak's own users, and accounts already moved) or not in an enabled wave.
     * With {@code strict}, a legacy store that does not answer throws; otherwise the imported attributes decide.
     */
    private static Optional<Subject> subject(RequiredActionContext context, boolean strict) {
        UserModel user = context.getUser();
        if (user == null || user.getFederationLink() == null) {
            return Optional.empty();
        }
        Optional<LegacyMoveSource> source = LegacyMoveSource.of(context.getSession(), context.getRealm(), user);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        MoveSettings settings = MoveSettings.of(source.get().component());
        WaveSchedule waves = settings.waves();
        if (waves.isEmpty()) {
            return Optional.empty();
        }
        // The legacy row says what the account is now (an admin may have changed its wave since the import).
        String wave = user.getFirstAttribute(LegacyMoveSource.ATTR_WAVE);
        String mainAccount = user.getFirstAttribute(LegacyMoveSource.ATTR_MAIN_ACCOUNT);
        try {
            Optional<LegacyAccount> row = source.get().account(Company.legacyUsername(user));
            if (row.isPresent()) {
                wave = row.get().wave();
                mainAccount = row.get().mainAccount();
            }
        } catch (LegacyStoreUnavailableException e) {
            if (strict) {
                throw e;
            }
        }
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        WaveSchedule.Status status = waves.status(wave, now);
        if (status == WaveSchedule.Status.NOT_ENABLED) {
            return Optional.empty();
        }
        Optional<LocalDate> lastDay = waves.wave(wave).flatMap(WaveSchedule.Wave::lastOptionalDay);
        return Optional.of(new Subject(user, source.get(), settings, wave, status, lastDay, mainAccount));
    }

    @Override
    public void close() {
    }
}
