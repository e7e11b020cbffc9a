package eu.unify.keycloak.activation.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import eu.unify.keycloak.activation.code.CodeKind;
import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.GeneratedCode;
import eu.unify.keycloak.common.access.UserAccess;

/**
 * Emails a code with the {@code unify-code.ftl} templates, or the activation link alone with {@code unify-activation.ftl}
 * (both shipped in this module's {@code theme-resources}, so they work under any email theme), in the user's language.
 * The code goes into the mail and nowhere else. Welcome messages (codes that name their account, and the activation
 * link) also list the user's services and customer numbers, as far as a deployed {@code unify-user-access} provider
 * knows them.
 */
final class CodeMailer {

    static final String TEMPLATE = "unify-code.ftl";
    /** The activation message whose link leads to a page that emails the code. */
    static final String ACTIVATION_TEMPLATE = "unify-activation.ftl";
    /** Subject of every welcome message, with or without a code: "Welcome to {0}". */
    static final String WELCOME_SUBJECT = "unify-code-subject-activation-in-message";
    /** Keycloak's mail attribute: pick the language from the user alone, not from the request's Accept-Language. */
    static final String IGNORE_ACCEPT_LANGUAGE = "IGNORE_ACCEPT_LANGUAGE_HEADER";

    private final KeycloakSession session;
    private final RealmModel realm;

    CodeMailer(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void send(UserModel user, CodePurpose purpose, GeneratedCode code, CodePolicy policy,
              AuthenticationSessionModel authSession) throws EmailException {
        send(user, purpose, code, policy, authSession, null);
    }

    /** {@code linkUrl}: the page where the code is typed, shown in welcome messages only; may be null. */
    void send(UserModel user, CodePurpose purpose, GeneratedCode code, CodePolicy policy,
              AuthenticationSessionModel authSession, String linkUrl) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("code", code.display());
        attributes.put("purpose", purpose.id());
        long minutes = policy.lifetime().toMinutes();
        attributes.put("expiresInMinutes", minutes);
        if (minutes >= 24 * 60 && minutes % (24 * 60) == 0) {
            attributes.put("expiresInDays", minutes / (24 * 60));
        }
        attributes.put("realmName", realmName());
        if (linkUrl != null) {
            attributes.put("linkUrl", linkUrl);
        }
        if (purpose.kind() == CodeKind.ACCOUNT) {
            welcomeAttributes(user, attributes);
        }
        EmailTemplateProvider email = session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user);
        if (authSession != null) {
            email.setAuthenticationSession(authSession);
        }
        email.send("unify-code-subject-" + purpose.id(), List.of(realmName()), TEMPLATE, attributes);
    }

    /**
     * The activation message without a code (the code is emailed when the link is opened): {@code linkUrl} opens the
     * activation page, valid for {@code lifetime}.
     */
    void sendActivationLink(UserModel user, String linkUrl, Duration lifetime) throws EmailException {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("linkUrl", linkUrl);
        attributes.put("expiresInMinutes", Math.max(1, lifetime.toMinutes()));
        attributes.put("realmName", realmName());
        welcomeAttributes(user, attributes);
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(WELCOME_SUBJECT, List.of(realmName()), ACTIVATION_TEMPLATE, attributes);
    }

    /**
     * A welcome message is sent by an admin: in the user's language (not the admin's browser's; the language Keycloak
     * renders the mail in), and with what the user may use once the account is active.
     */
    private void welcomeAttributes(UserModel user, Map<String, Object> attributes) {
        attributes.put(IGNORE_ACCEPT_LANGUAGE, Boolean.TRUE);
        Locale locale = session.getContext().resolveLocale(user, true);
        UserAccess access = UserAccess.of(session, realm, user, locale);
        attributes.put("services", access.services());
        attributes.put("customerNumbers", access.customerNumbers());
    }

    private String realmName() {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }
}
