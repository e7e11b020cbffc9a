package eu.unify.keycloak.activation.service;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.email.EmailException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.activation.code.CodePolicy;
import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.GeneratedCode;

/**
 * Issues and mails a session code after the request has been answered, on an executor of Keycloak's
 * ({@link ExecutorsProvider}), so that a request for a known account does no more work before its response than one
 * for an unknown identifier, and no request thread waits for the mail server (nor sleeps to hide it).
 *
 * <p>Runs only if the request's transaction committed (an after-completion participant), in two transactions of its
 * own: the code is stored first, then mailed, so it works by the time the mail arrives. If the mail server refuses the
 * mail, the failure is logged (user id, never the address or the code) and recorded as an event; the visitor's page
 * already said the same as for any identifier, and a new code can be asked for once the cooldown has passed.
 */
final class DeferredCodeSender {

    /** Keycloak executor name; its size is Keycloak's default for named executors. */
    static final String EXECUTOR = "unify-code-mail";

    private static final Logger LOG = Logger.getLogger(DeferredCodeSender.class);

    private DeferredCodeSender() {
    }

    /**
     * Arranges the send for after the request's commit.
     *
     * @param codeId    the id the code gets: the requesting authentication session is bound to it already
     * @param locale    the mail's language, resolved while the request was there to resolve it from
     * @param eventType the event recorded if the mail fails
     */
    static void afterCommit(KeycloakSession session, RealmModel realm, UserModel user, CodePurpose purpose,
                            CodePolicy policy, String codeId, Locale locale, String clientId, EventType eventType) {
        Job job = new Job(session.getKeycloakSessionFactory(), realm.getId(), user.getId(), purpose, policy, codeId,
                locale.toLanguageTag(), clientId, eventType, DetachedConnection.of(session.getContext().getConnection()));
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    executor.execute(job::run);
                } catch (RejectedExecutionException e) {
                    LOG.warnf("Could not queue a %s code for user %s: %s", purpose.id(), job.userId, e.getMessage());
                }
            }

            @Override
            protected void rollbackImpl() {
                // The request failed: nothing was promised, nothing is sent.
            }
        });
    }

    private record Job(KeycloakSessionFactory factory, String realmId, String userId, CodePurpose purpose,
                       CodePolicy policy, String codeId, String languageTag, String clientId, EventType eventType,
                       ClientConnection connection) {

        void run() {
            try {
                GeneratedCode code = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                    UserModel user = recipient(session);
                    return user == null ? null
                            : SessionCodeService.of(session, session.getContext().getRealm())
                                    .issueUnsent(user, purpose, policy, codeId);
                });
                if (code != null) {
                    KeycloakModelUtils.runJobInTransaction(factory, session -> mail(session, code));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not issue a %s code for user %s", purpose.id(), userId);
            }
        }

        private void mail(KeycloakSession session, GeneratedCode code) {
            UserModel user = recipient(session);
            if (user == null) {
                return;
            }
            RealmModel realm = session.getContext().getRealm();
            // No request here: Keycloak's locale selection would ask for one. It finds none, and the language chosen
            // while the request was there as the visitor's selection.
            session.getContext().setHttpRequest(new DetachedRequest());
            session.getContext().setConnection(connection);
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, languageTag);
            try {
                SessionCodeService.of(session, realm).mail(user, purpose, code, policy);
            } catch (EmailException e) {
                LOG.warnf("Could not email a %s code to user %s in realm %s: %s", purpose.id(), userId,
                        realm.getName(), e.getMessage());
                new EventBuilder(realm, session, connection).event(eventType).user(userId).client(clientId)
                        .detail(CodeEvents.DETAIL_PURPOSE, purpose.id()).error(Errors.EMAIL_SEND_FAILED);
            }
        }

        /** The user, if it still exists and can receive a code; sets the realm of the session's context. */
        private UserModel recipient(KeycloakSession session) {
            RealmModel realm = session.realms().getRealm(realmId);
            if (realm == null) {
                return null;
            }
            session.getContext().setRealm(realm);
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null || !user.isEnabled() || user.getEmail() == null || user.getEmail().isBlank()) {
                return null;
            }
            return user;
        }
    }

    /** The request's client address, kept for the event of a failed mail once the request is gone. */
    private record DetachedConnection(String remoteAddr, String remoteHost, int remotePort, String localAddr,
                                      int localPort) implements ClientConnection {

        static ClientConnection of(ClientConnection connection) {
            if (connection == null) {
                return new DetachedConnection(null, null, 0, null, 0);
            }
            return new DetachedConnection(connection.getRemoteAddr(), connection.getRemoteHost(),
                    connection.getRemotePort(), connection.getLocalAddr(), connection.getLocalPort());
        }

        @Override
        public String getRemoteAddr() {
            return remoteAddr;
        }

        @Override
        public String getRemoteHost() {
            return remoteHost;
        }

        @Override
        public int getRemotePort() {
            return remotePort;
        }

        @Override
        public String getLocalAddr() {
            return localAddr;
        }

        @Override
        public int getLocalPort() {
            return localPort;
        }
    }

    /**
     * Stands for the absent request in the background session: no headers (so no cookie or Accept-Language decides
     * the language) and no URI, answered as Keycloak's own context answers outside a request.
     */
    private static final class DetachedRequest implements HttpRequest {

        @Override
        public String getHttpMethod() {
            return "POST";
        }

        @Override
        public MultivaluedMap<String, String> getDecodedFormParameters() {
            return new jakarta.ws.rs.core.MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
            return new jakarta.ws.rs.core.MultivaluedHashMap<>();
        }

        @Override
        public HttpHeaders getHttpHeaders() {
            return null;
        }

        @Override
        public X509Certificate[] getClientCertificateChain() {
            return null;
        }

        @Override
        public UriInfo getUri() {
            throw new ContextNotActiveException("no request: the code is mailed after the response");
        }

        @Override
        public boolean isProxyTrusted() {
            return false;
        }
    }
}
