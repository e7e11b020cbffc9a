package eu.unify.keycloak.legacy.mail;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

import eu.unify.keycloak.legacy.LegacyAttributes;
import eu.unify.keycloak.legacy.storage.LocalLegacyUsers;

/**
 * Sends Keycloak's mail through the wrapped sender, but a mail to a sub-account whose mail is forwarded
 * ({@code unify_mail_forward=true}) goes to its main account's address, marked for the sub-account. Mail to any
 * other user, and mail to a given address, passes through unchanged.
 */
final class ForwardingEmailSenderProvider implements EmailSenderProvider {

    private static final Logger LOG = Logger.getLogger(ForwardingEmailSenderProvider.class);

    private final KeycloakSession session;
    private final EmailSenderProvider delegate;

    private final String delegateId;

    /** @param delegate the wrapped sender; null when the server has none loaded under {@code delegateId} */
    ForwardingEmailSenderProvider(KeycloakSession session, EmailSenderProvider delegate, String delegateId) {
        this.session = session;
        this.delegate = delegate;
        this.delegateId = delegateId;
    }

    private EmailSenderProvider delegate() throws EmailException {
        if (delegate == null) {
            throw new EmailException("unify-forwarding: no mail sender '" + delegateId + "' to deliver with; select "
                    + "unify-forwarding with --spi-email-sender--provider-default, not --spi-email-sender--provider");
        }
        return delegate;
    }

    @Override
    public void send(Map<String, String> config, UserModel user, String subject, String textBody, String htmlBody)
            throws EmailException {
        UserModel main = mainAccountToForwardTo(user);
        if (main == null) {
            delegate().send(config, user, subject, textBody, htmlBody);
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        ForwardTexts texts = texts(realm, main);
        String account = user.getEmail() != null ? user.getEmail() : user.getUsername();
        ForwardedMail mail = ForwardedMail.of(texts.subject(account, subject),
                texts.note(account, user.getFirstAttribute(LegacyAttributes.USERNAME)), textBody, htmlBody);
        LOG.debugf("mail for user %s forwarded to its main account %s", user.getId(), main.getId());
        delegate().send(config, main.getEmail(), mail.subject(), mail.textBody(), mail.htmlBody());
    }

    /** The main account to send to, or null when the mail goes to the user as usual. */
    private UserModel mainAccountToForwardTo(UserModel user) {
        if (user == null || !Boolean.parseBoolean(user.getFirstAttribute(LegacyAttributes.MAIL_FORWARD))) {
            return null;
        }
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            LOG.warnf("mail forwarding: no realm for the mail to user %s; sent to the account's own address",
                    user.getId());
            return null;
        }
        List<UserModel> mains = LocalLegacyUsers.byLegacyUsername(session, realm,
                        user.getFirstAttribute(LegacyAttributes.MAIN_ACCOUNT)).stream()
                .filter(candidate -> !candidate.getId().equals(user.getId()))
                .toList();
        if (mains.size() != 1) {
            LOG.warnf("mail forwarding: user %s of realm %s has %s main account; the mail goes to the account's own "
                    + "address", user.getId(), realm.getName(), mains.isEmpty() ? "no" : "more than one");
            return null;
        }
        UserModel main = mains.get(0);
        if (main.getEmail() == null || main.getEmail().isBlank()) {
            LOG.warnf("mail forwarding: main account %s of user %s has no email address; the mail goes to the "
                    + "account's own address", main.getId(), user.getId());
            return null;
        }
        return main;
    }

    private ForwardTexts texts(RealmModel realm, UserModel main) {
        Locale locale = MainLocale.pick(main.getFirstAttribute(UserModel.LOCALE), realm.isInternationalizationEnabled(),
                realm.getSupportedLocalesStream().toList(), realm.getDefaultLocale());
        Properties messages;
        try {
            messages = session.theme().getTheme(Theme.Type.EMAIL).getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            LOG.warnf("mail forwarding: the email theme's messages could not be read (%s); English is used",
                    e.getMessage());
            messages = null;
        }
        return new ForwardTexts(messages, locale);
    }

    @Override
    public void send(Map<String, String> config, String address, String subject, String textBody, String htmlBody)
            throws EmailException {
        delegate().send(config, address, subject, textBody, htmlBody);
    }

    @Override
    public void validate(Map<String, String> config) throws EmailException {
        delegate().validate(config);
    }

    @Override
    public void close() {
        // The wrapped sender belongs to the session, which closes it.
    }
}
