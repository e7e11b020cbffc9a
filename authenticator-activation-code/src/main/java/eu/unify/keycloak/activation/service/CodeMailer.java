package eu.unify.keycloak.activation.service;

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
 * Emails a code with the {@code unify-code.ftl} templates (shipped in this module's {@code theme-resources}, so they
 * work under any email theme) in the user's language. The code goes into the mail and nowhere else. Welcome messages
 * (codes that name their account) also list the user's services and customer numbers, as far as a deployed
 * {@code unify-user-access} provider knows them.
 */
final class CodeMailer {

    static final String TEMPLATE = "unify-code.ftl";
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
            // A welcome message, sent by an admin: in the user's language (not the admin's browser's), the same
            // language Keycloak renders the mail in, and with what the user may use once the account is active.
            attributes.put(IGNORE_ACCEPT_LANGUAGE, Boolean.TRUE);
            Locale locale = session.getContext().resolveLocale(user, true);
            UserAccess access = UserAccess.of(session, realm, user, locale);
            attributes.put("services", access.services());
            attributes.put("customerNumbers", access.customerNumbers());
        }
        EmailTemplateProvider email = session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user);
        if (authSession != null) {
            email.setAuthenticationSession(authSession);
        }
        email.send("unify-code-subject-" + purpose.id(), List.of(realmName()), TEMPLATE, attributes);
    }

    private String realmName() {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }
}
