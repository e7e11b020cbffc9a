package eu.unify.keycloak.legacy.hint;

import java.util.Optional;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;

import eu.unify.keycloak.common.mask.EmailMask;

/**
 * Keycloak's username and password form, with one difference: when the name typed is unknown but was the legacy
 * username of an account that has moved, the form says to sign in with that account's email address, shown masked,
 * instead of "Invalid username or password". Everything else, including brute-force protection, is Keycloak's own
 * code; known names and email addresses never reach the extra lookup.
 */
final class OldUsernameHintForm extends UsernamePasswordForm {

    static final String HINT_MESSAGE = "unify-legacy-moved-hint";
    /** Event detail on the USER_NOT_FOUND event when the hint was shown. */
    static final String HINT_EVENT_DETAIL = "unify_legacy_hint";

    OldUsernameHintForm(KeycloakSession session) {
        super(session);
    }

    @Override
    public void testInvalidUser(AuthenticationFlowContext context, UserModel user) {
        if (user == null && !isUserAlreadySetBeforeUsernamePasswordAuth(context)) {
            String typed = context.getAuthenticationSession().getAuthNote(ATTEMPTED_USERNAME);
            Optional<String> masked = MovedAccounts.byLegacyUsername(context.getSession(), context.getRealm(), typed)
                    .map(moved -> EmailMask.mask(moved.getEmail()));
            if (masked.isPresent()) {
                // As for any unknown name: the same hashing work, the same event, the same flow error.
                AuthenticatorUtils.dummyHash(context);
                context.getEvent().detail(HINT_EVENT_DETAIL, "shown").error(Errors.USER_NOT_FOUND);
                context.form().addError(new FormMessage(Validation.FIELD_USERNAME, HINT_MESSAGE, masked.get()));
                context.failureChallenge(AuthenticationFlowError.INVALID_USER, challenge(context, null, null));
                return;
            }
        }
        super.testInvalidUser(context, user);
    }
}
