package eu.unify.keycloak.legacy.move;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;

import eu.unify.keycloak.legacy.LegacyAttributes;
import eu.unify.keycloak.legacy.rights.LegacyRights;
import eu.unify.keycloak.legacy.storage.LegacyMoveSource;

/**
 * Applies a checked move form in one transaction (the caller's job session): every account becomes a Keycloak-local
 * user whose username and email are its new address, keeps {@code legacy_username}, loses the federation link and
 * gets its credentials. Any failure throws, and the caller's transaction then rolls everything back.
 */
final class AccountMove {

    /** User attribute: this account's mail goes to the main account (read by the mail-forwarding email sender). */
    static final String ATTR_MAIL_FORWARD = LegacyAttributes.MAIL_FORWARD;

    /**
     * One account of the form: its page entry, the checked address, the forward flag and its legacy hash as a
     * credential (if it has a usable one).
     */
    record Planned(CompanyAccount account, String email, boolean forward,
                   Optional<PasswordCredentialModel> legacyCredential) {
    }

    /** What a moved account still needs once the move is committed. */
    record Moved(String userId, String email, boolean main, FollowUp followUp, GeneratedPassword password) {

        enum FollowUp { NONE, ACTIVATION_MESSAGE, PASSWORD_MESSAGE, SIGN_IN_NAME_MESSAGE }
    }

    /** The move cannot be applied; nothing of it stays. {@code index} is the account's line, -1 for the whole form. */
    static final class Refused extends RuntimeException {

        final int index;
        final String messageKey;

        Refused(int index, String messageKey) {
            super(messageKey, null, false, false);
            this.index = index;
            this.messageKey = messageKey;
        }
    }

    static final String CHANGED = "unify-legacy-move-error-changed";
    static final String NO_PASSWORD = "unify-legacy-move-error-failed";

    private AccountMove() {
    }

    /**
     * {@code language}: the language the main account filled the form in; accounts without a language of their own
     * get it, so that their mails (and pages) are in the company's language. Null leaves languages alone.
     */
    static List<Moved> apply(KeycloakSession session, RealmModel realm, ComponentModel component, List<Planned> plan,
                             CredentialMode mode, String language) {
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        LegacyMoveSource source = (LegacyMoveSource) session.getProvider(UserStorageProvider.class, component);
        List<UserModel> users = new ArrayList<>();
        for (Planned planned : plan) {
            UserModel user = planned.account().userId() != null
                    ? local.getUserById(realm, planned.account().userId())
                    : imported(local, realm, source, planned.account());
            if (user == null || !component.getId().equals(user.getFederationLink())) {
                // Moved, deleted or unlinked since the page was shown.
                throw new Refused(-1, CHANGED);
            }
            users.add(user);
        }
        Set<String> ids = new HashSet<>();
        users.forEach(user -> ids.add(user.getId()));

        // Free the addresses that change hands within the company first, so that a swap is possible.
        for (int i = 0; i < plan.size(); i++) {
            if (!Objects.equals(users.get(i).getEmail(), plan.get(i).email())) {
                users.get(i).setEmail(null);
            }
        }
        for (int i = 0; i < plan.size(); i++) {
            if (takenOutside(local, realm, plan.get(i).email(), ids)) {
                throw new Refused(i, MoveRules.TAKEN);
            }
        }

        List<Moved> moved = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            UserModel user = users.get(i);
            if (language != null && user.getFirstAttribute(UserModel.LOCALE) == null) {
                user.setSingleAttribute(UserModel.LOCALE, language);
            }
            // Mapped rights again: the mapping may have changed since the account was imported (granting only adds).
            LegacyRights.grant(session, realm, component, user);
            moved.add(move(user, plan.get(i), mode));
        }
        return moved;
    }

    /** Whether {@code email} is the email or username of a user who is not one of {@code moving}. */
    static boolean takenOutside(UserProvider local, RealmModel realm, String email, Set<String> moving) {
        UserModel byName = local.getUserByUsername(realm, email);
        if (byName != null && !moving.contains(byName.getId())) {
            return true;
        }
        try {
            UserModel byEmail = local.getUserByEmail(realm, email);
            return byEmail != null && !moving.contains(byEmail.getId());
        } catch (ModelDuplicateException e) {
            return true;
        }
    }

    private static UserModel imported(UserProvider local, RealmModel realm, LegacyMoveSource source,
                                      CompanyAccount account) {
        if (account.legacy() == null) {
            return null;
        }
        // A sign-in of the sub-account may have imported it since the page was shown.
        UserModel concurrent = local.getUserByUsername(realm, account.legacyUsername().toLowerCase(Locale.ROOT));
        return concurrent != null ? concurrent : source.importAccount(realm, account.legacy());
    }

    private static Moved move(UserModel user, Planned planned, CredentialMode mode) {
        boolean main = planned.account().main();
        user.setFederationLink(null);
        user.setUsername(planned.email());
        user.setEmail(planned.email());
        user.setEmailVerified(false);
        if (!main && planned.forward()) {
            user.setSingleAttribute(ATTR_MAIL_FORWARD, "true");
        } else {
            user.removeAttribute(ATTR_MAIL_FORWARD);
        }

        if (main) {
            // The main account keeps the password it signs in with: it has just proved it knows it.
            replacePassword(user, planned.legacyCredential().orElseThrow(() -> new Refused(-1, NO_PASSWORD)));
            return new Moved(user.getId(), planned.email(), true, Moved.FollowUp.NONE, null);
        }
        if (mode == CredentialMode.LEGACY_PASSWORD && planned.legacyCredential().isPresent()) {
            replacePassword(user, planned.legacyCredential().get());
            // The password stays; the new sign-in name is all the account holder must be told.
            return new Moved(user.getId(), planned.email(), false, Moved.FollowUp.SIGN_IN_NAME_MESSAGE, null);
        }
        if (mode == CredentialMode.GENERATED_PASSWORD) {
            GeneratedPassword password = GeneratedPassword.create();
            // Under the realm's password policy: a policy the password cannot meet fails the whole move.
            user.credentialManager().updateCredential(UserCredentialModel.password(password.value(), false));
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            return new Moved(user.getId(), planned.email(), false, Moved.FollowUp.PASSWORD_MESSAGE, password);
        }
        // The activation message, also for a legacy password that cannot be carried over.
        return new Moved(user.getId(), planned.email(), false, Moved.FollowUp.ACTIVATION_MESSAGE, null);
    }

    private static void replacePassword(UserModel user, PasswordCredentialModel credential) {
        user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                .forEach(stored -> user.credentialManager().removeStoredCredentialById(stored.getId()));
        user.credentialManager().createStoredCredential(credential);
    }
}
