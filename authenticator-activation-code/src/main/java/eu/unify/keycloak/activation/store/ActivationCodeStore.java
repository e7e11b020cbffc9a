package eu.unify.keycloak.activation.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

import eu.unify.keycloak.activation.code.CodePurpose;
import eu.unify.keycloak.activation.code.HashedCode;
import eu.unify.keycloak.activation.code.IdentifierState;
import eu.unify.keycloak.activation.code.ResendThrottle;
import eu.unify.keycloak.activation.code.StoredCode;
import eu.unify.keycloak.activation.jpa.ActivationCodeEntity;
import eu.unify.keycloak.activation.jpa.CodeFailureEntity;
import eu.unify.keycloak.activation.jpa.CodeRequestEntity;
import eu.unify.keycloak.activation.jpa.CodeSendEntity;

/**
 * Codes and send records in Keycloak's database, inside the request's transaction. Keeps one code per (realm, user,
 * purpose): {@link #replace} removes the older one, so only the newest code can ever match.
 */
public final class ActivationCodeStore {

    private final EntityManager em;

    ActivationCodeStore(EntityManager em) {
        this.em = em;
    }

    public static ActivationCodeStore of(KeycloakSession session) {
        return new ActivationCodeStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    public Optional<StoredCode> newest(String realmId, String userId, CodePurpose purpose) {
        return first(em.createNamedQuery("unifyCode.newest", Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose.id())
                .setMaxResults(1)
                .getResultList());
    }

    /**
     * The code of an account purpose whose keyed hash is {@code codeHash}: how a code that names its account on its
     * own is found before any user is known. The hash is a realm-keyed HMAC, so the indexed equality lookup reveals
     * nothing an attacker could use; the caller still compares the found hash in constant time.
     */
    public Optional<StoredCode> byHash(String realmId, CodePurpose purpose, String codeHash) {
        return first(em.createNamedQuery("unifyCode.byHash", Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("purpose", purpose.id())
                .setParameter("codeHash", codeHash)
                .setMaxResults(1)
                .getResultList());
    }

    /** Stores a newly issued code in place of any older code of the same user and purpose. */
    public void replace(String realmId, StoredCode code) {
        em.createNamedQuery("unifyCode.deleteFor")
                .setParameter("realmId", realmId)
                .setParameter("userId", code.subject())
                .setParameter("purpose", code.purpose().id())
                .executeUpdate();
        ActivationCodeEntity entity = new ActivationCodeEntity();
        entity.setId(code.id());
        entity.setRealmId(realmId);
        entity.setUserId(code.subject());
        entity.setPurpose(code.purpose().id());
        entity.setKeyId(code.hashedCode().keyId());
        entity.setCodeHash(code.hashedCode().hash());
        entity.setCreatedAt(code.createdAt().toEpochMilli());
        entity.setExpiresAt(code.expiresAt().toEpochMilli());
        entity.setAttempts(code.attempts());
        entity.setConsumed(code.consumed());
        em.persist(entity);
        em.flush();
    }

    /**
     * Writes the outcome of a check, but only if nobody else changed the code since {@code before} was read: of two
     * requests that submit the same code at once, exactly one gets {@code true}.
     */
    public boolean recordCheck(StoredCode before, StoredCode after) {
        int updated = em.createNamedQuery("unifyCode.recordAttempt")
                .setParameter("attempts", after.attempts())
                .setParameter("consumed", after.consumed())
                .setParameter("id", before.id())
                .setParameter("expectedAttempts", before.attempts())
                .executeUpdate();
        return updated == 1;
    }

    public List<Instant> sendsSince(String realmId, String userId, CodePurpose purpose, Instant since) {
        return em.createNamedQuery("unifyCodeSend.since", Long.class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .setParameter("purpose", purpose.id())
                .setParameter("since", since.toEpochMilli())
                .getResultList()
                .stream()
                .map(Instant::ofEpochMilli)
                .toList();
    }

    public void recordSend(String realmId, String userId, CodePurpose purpose, Instant sentAt) {
        CodeSendEntity send = new CodeSendEntity();
        send.setId(KeycloakModelUtils.generateId());
        send.setRealmId(realmId);
        send.setUserId(userId);
        send.setPurpose(purpose.id());
        send.setSentAt(sentAt.toEpochMilli());
        em.persist(send);
    }

    /** An account's wrong codes in a row, over all its codes, and when the last one was typed. */
    public record WrongCodes(int inARow, Instant lastAt) {

        public static final WrongCodes NONE = new WrongCodes(0, Instant.EPOCH);
    }

    public WrongCodes wrongCodes(String realmId, String userId) {
        List<Object[]> rows = em.createNamedQuery("unifyCodeFailure.read", Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .getResultList();
        if (rows.isEmpty()) {
            return WrongCodes.NONE;
        }
        return new WrongCodes((Integer) rows.get(0)[0], Instant.ofEpochMilli((Long) rows.get(0)[1]));
    }

    /**
     * Makes sure the account has its counter row. Called where a code is issued, which is serialised per account, so
     * that counting a wrong code later is a plain atomic update that two requests at once cannot race on.
     */
    public void ensureWrongCodeCounter(String realmId, String userId) {
        if (em.find(CodeFailureEntity.class, userId) == null) {
            CodeFailureEntity row = new CodeFailureEntity();
            row.setUserId(userId);
            row.setRealmId(realmId);
            em.persist(row);
        }
    }

    /** One more wrong code for the account, at {@code now}. */
    public void countWrongCode(String realmId, String userId, Instant now) {
        if (!countWrongCodeOnCounter(realmId, userId, now)) {
            // A code issued before the counter existed: start it now.
            CodeFailureEntity row = new CodeFailureEntity();
            row.setUserId(userId);
            row.setRealmId(realmId);
            row.setFailures(1);
            row.setLastFailureAt(now.toEpochMilli());
            em.persist(row);
        }
    }

    /**
     * The atomic increment alone: false if {@code subject} has no counter row. Run with an identifier's key in place
     * of a user id (it never has one), it does the same statement as for an account and changes nothing.
     */
    public boolean countWrongCodeOnCounter(String realmId, String subject, Instant now) {
        return em.createNamedQuery("unifyCodeFailure.increment")
                .setParameter("now", now.toEpochMilli())
                .setParameter("realmId", realmId)
                .setParameter("userId", subject)
                .executeUpdate() > 0;
    }

    /** The account proved itself (a right code, a sign-in, an admin): its wrong codes in a row start from zero. */
    public void clearWrongCodes(String realmId, String userId) {
        em.createNamedQuery("unifyCodeFailure.clear")
                .setParameter("realmId", realmId)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** The sends granted for an identifier (its keyed hash) since {@code since}, with their wrong tries. */
    public IdentifierState identifierState(String realmId, CodePurpose purpose, String identifierHash, Instant since) {
        List<IdentifierState.Request> requests = em.createNamedQuery("unifyCodeRequest.since", Object[].class)
                .setParameter("realmId", realmId)
                .setParameter("purpose", purpose.id())
                .setParameter("identifierHash", identifierHash)
                .setParameter("since", since.toEpochMilli())
                .getResultList()
                .stream()
                .map(row -> new IdentifierState.Request((String) row[0], Instant.ofEpochMilli((Long) row[1]),
                        (Integer) row[2]))
                .toList();
        return new IdentifierState(requests);
    }

    /** Records a send granted for an identifier. */
    public void recordRequest(String realmId, CodePurpose purpose, String identifierHash, Instant sentAt) {
        CodeRequestEntity request = new CodeRequestEntity();
        request.setId(KeycloakModelUtils.generateId());
        request.setRealmId(realmId);
        request.setPurpose(purpose.id());
        request.setIdentifierHash(identifierHash);
        request.setSentAt(sentAt.toEpochMilli());
        request.setAttempts(0);
        em.persist(request);
    }

    /** Counts one wrong code on a granted send, up to {@code maxAttempts}; false if it was at the limit already. */
    public boolean countWrong(String requestId, int maxAttempts) {
        return em.createNamedQuery("unifyCodeRequest.countWrong")
                .setParameter("id", requestId)
                .setParameter("maxAttempts", maxAttempts)
                .executeUpdate() == 1;
    }

    /** Removes a user's codes and send records, e.g. when the user is deleted. */
    public void deleteForUser(String realmId, String userId) {
        em.createNamedQuery("unifyCode.deleteForUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        em.createNamedQuery("unifyCodeSend.deleteForUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
        em.createNamedQuery("unifyCodeFailure.deleteForUser")
                .setParameter("realmId", realmId).setParameter("userId", userId).executeUpdate();
    }

    /** Removes every code and send record of a realm, when the realm is deleted. */
    public void deleteForRealm(String realmId) {
        em.createNamedQuery("unifyCode.deleteForRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("unifyCodeSend.deleteForRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("unifyCodeFailure.deleteForRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("unifyCodeRequest.deleteForRealm").setParameter("realmId", realmId).executeUpdate();
    }

    /** Deletes expired codes, and send and request records outside the throttle window; returns how many rows went. */
    public int purge(Instant now) {
        int codes = em.createNamedQuery("unifyCode.purgeExpired")
                .setParameter("before", now.toEpochMilli())
                .executeUpdate();
        int sends = em.createNamedQuery("unifyCodeSend.purge")
                .setParameter("before", now.minus(ResendThrottle.WINDOW).toEpochMilli())
                .executeUpdate();
        int requests = em.createNamedQuery("unifyCodeRequest.purge")
                .setParameter("before", now.minus(ResendThrottle.WINDOW).toEpochMilli())
                .executeUpdate();
        return codes + sends + requests;
    }

    /**
     * A row of the {@code unifyCode.*} queries that select {@link ActivationCodeEntity#CODE_COLUMNS} as a model. Rows
     * rather than entities: a code is read to be checked, never changed through the entity, and an unmanaged row
     * costs Hibernate no entity setup and no dirty check at every flush of the request.
     */
    private static Optional<StoredCode> first(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        String purposeId = (String) row[1];
        CodePurpose purpose = CodePurpose.fromId(purposeId)
                .orElseThrow(() -> new IllegalStateException("Unknown code purpose in the database: " + purposeId));
        return Optional.of(new StoredCode((String) row[0], purpose, (String) row[2],
                new HashedCode((String) row[3], (String) row[4]), Instant.ofEpochMilli((Long) row[5]),
                Instant.ofEpochMilli((Long) row[6]), (Integer) row[7], (Boolean) row[8]));
    }
}
