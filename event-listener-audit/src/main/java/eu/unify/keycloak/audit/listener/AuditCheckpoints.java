package eu.unify.keycloak.audit.listener;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.keycloak.common.VerificationException;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

import eu.unify.keycloak.audit.jpa.AuditChainHeadEntity;
import eu.unify.keycloak.audit.jpa.AuditCheckpointEntity;
import eu.unify.keycloak.audit.record.AuditChain;

/**
 * Signed checkpoints of a realm's chain, the anchor outside the database (OWASP ASVS 5.0 16.4.2, 16.4.3): the chain's
 * head (realm, seq, hash, time) as a JWS signed with the realm's active signing key (Keycloak's own
 * {@link SignatureProvider}, the key its tokens are signed with, published in the realm's JWKS), logged on the log
 * category {@value AuditOptions#JSON_CATEGORY} when made, for the log pipeline to keep outside the database. Given such
 * a checkpoint back, {@link #verify} says whether the trail still holds it: a trail whose newest records were deleted,
 * or whose whole chain was recomputed, no longer does.
 */
public final class AuditCheckpoints {

    /** The JWS {@code typ}: never mistaken for a token, which Keycloak accepts only as {@code JWT}. */
    public static final String TYPE = "unify-audit-checkpoint+jws";

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final Logger ANCHOR_LOG = Logger.getLogger(AuditOptions.JSON_CATEGORY);

    private final KeycloakSessionFactory factory;

    AuditCheckpoints(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    /** A checkpoint as stored and returned over REST. */
    public record Checkpoint(String realmId, long seq, String hash, long time, String signed) {
    }

    /**
     * What a checkpoint handed back says about the trail. {@code contained}: the trail holds the checkpoint's record
     * with the checkpoint's hash (null when it cannot tell: the record has been purged by retention since).
     */
    public record Verdict(boolean signatureValid, Long seq, String hash, Long time, Boolean contained, String reason) {
    }

    /** Makes a checkpoint of the realm's chain now, in the session's transaction; logs it. */
    public static Checkpoint create(KeycloakSession session, RealmModel realm) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realm.getId());
        long seq = head == null ? 0 : head.getLastSeq();
        String hash = head == null ? AuditChain.GENESIS : head.getLastHash();
        if (head != null) {
            em.detach(head);
        }
        return write(session, realm, seq, hash);
    }

    private static Checkpoint write(KeycloakSession session, RealmModel realm, long seq, String hash) {
        long time = Time.currentTimeMillis();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("realm", realm.getId());
        claims.put("realmName", realm.getName());
        claims.put("seq", seq);
        claims.put("hash", hash);
        claims.put("time", time);
        String signed = sign(session, realm, claims);
        AuditCheckpointEntity entity = new AuditCheckpointEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realm.getId());
        entity.setSeq(seq);
        entity.setHash(hash);
        entity.setCreatedAt(time);
        entity.setSigned(signed);
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.persist(entity);
        em.flush();
        em.detach(entity);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("checkpoint", claims);
        line.put("signed", signed);
        try {
            ANCHOR_LOG.info(JsonSerialization.writeValueAsString(line));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("checkpoint not serialisable", e);
        }
        return new Checkpoint(realm.getId(), seq, hash, time, signed);
    }

    /**
     * Makes a checkpoint of the realm if its chain has moved since its last one and that one is at least
     * {@code intervalMillis} old. The realm's chain head is locked meanwhile, so two nodes never both make it.
     */
    void createIfDue(String realmId, long intervalMillis) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return; // a deleted realm has no key left to sign with
                }
                EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
                AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId,
                        LockModeType.PESSIMISTIC_WRITE);
                if (head == null) {
                    return;
                }
                em.detach(head);
                List<AuditCheckpointEntity> latest = latest(em, realmId, 1);
                if (!latest.isEmpty()) {
                    AuditCheckpointEntity last = latest.get(0);
                    if (last.getSeq() == head.getLastSeq()
                            || Time.currentTimeMillis() - last.getCreatedAt() < intervalMillis) {
                        return;
                    }
                } else if (head.getLastSeq() == 0) {
                    return;
                }
                session.getContext().setRealm(realm);
                write(session, realm, head.getLastSeq(), head.getLastHash());
            });
        } catch (RuntimeException e) {
            LOG.warnf("unify-audit: checkpoint of realm %s not made: %s", realmId, e.getClass().getName());
        }
    }

    /** The realm's latest checkpoints, newest first. */
    public static List<Checkpoint> latest(KeycloakSession session, String realmId, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return latest(em, realmId, max).stream()
                .map(c -> new Checkpoint(c.getRealmId(), c.getSeq(), c.getHash(), c.getCreatedAt(), c.getSigned()))
                .toList();
    }

    private static List<AuditCheckpointEntity> latest(EntityManager em, String realmId, int max) {
        List<AuditCheckpointEntity> found = em.createNamedQuery("unifyAuditCheckpoint.latest",
                        AuditCheckpointEntity.class)
                .setParameter("realmId", realmId).setMaxResults(max).getResultList();
        found.forEach(em::detach);
        return found;
    }

    /**
     * Checks a checkpoint handed back (the JWS as logged): signed by a key of this realm (active or passive), for this
     * realm, and whether the trail still holds the record it names with the hash it names.
     */
    public static Verdict verify(KeycloakSession session, RealmModel realm, String signed) {
        JWSInput input;
        Map<String, Object> claims;
        try {
            input = new JWSInput(signed.trim());
            claims = JsonSerialization.readValue(input.getContent(), Map.class);
        } catch (JWSInputException | java.io.IOException | RuntimeException e) {
            return new Verdict(false, null, null, null, null, "not a checkpoint");
        }
        if (!TYPE.equals(input.getHeader().getType())) {
            return new Verdict(false, null, null, null, null, "not a checkpoint");
        }
        if (!signatureValid(session, realm, input)) {
            return new Verdict(false, null, null, null, null, "signature not valid with this realm's keys");
        }
        if (!realm.getId().equals(claims.get("realm")) || !(claims.get("seq") instanceof Number seqNumber)
                || !(claims.get("hash") instanceof String hash) || !(claims.get("time") instanceof Number time)) {
            return new Verdict(true, null, null, null, null, "checkpoint of another realm");
        }
        long seq = seqNumber.longValue();
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realm.getId());
        long lastSeq = head == null ? 0 : head.getLastSeq();
        long purgedSeq = head == null ? 0 : head.getPurgedSeq();
        String reason = null;
        Boolean contained;
        if (seq == 0) {
            contained = AuditChain.GENESIS.equals(hash);
        } else if (seq > lastSeq) {
            contained = false;
            reason = "the trail ends at record " + lastSeq + ": records up to " + seq + " were removed";
        } else if (seq == purgedSeq) {
            contained = hash.equals(head.getPurgedHash());
        } else if (seq < purgedSeq) {
            contained = null;
            reason = "record " + seq + " has been purged by retention";
        } else {
            List<String> stored = em.createQuery("select r.hash from AuditRecordEntity r where r.realmId = :realmId"
                            + " and r.seq = :seq", String.class)
                    .setParameter("realmId", realm.getId()).setParameter("seq", seq).getResultList();
            contained = !stored.isEmpty() && hash.equals(stored.get(0));
            if (!contained) {
                reason = stored.isEmpty() ? "record " + seq + " is missing"
                        : "record " + seq + " differs from the checkpoint (the chain was rewritten)";
            }
        }
        if (Boolean.FALSE.equals(contained) && reason == null) {
            reason = "record " + seq + " differs from the checkpoint (the chain was rewritten)";
        }
        return new Verdict(true, seq, hash, time.longValue(), contained, reason);
    }

    private static boolean signatureValid(KeycloakSession session, RealmModel realm, JWSInput input) {
        RealmModel before = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            String algorithm = input.getHeader().getRawAlgorithm();
            SignatureProvider provider = algorithm == null ? null
                    : session.getProvider(SignatureProvider.class, algorithm);
            if (provider == null || !provider.isAsymmetricAlgorithm()) {
                return false;
            }
            return provider.verifier(input.getHeader().getKeyId())
                    .verify(input.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), input.getSignature());
        } catch (VerificationException | RuntimeException e) {
            return false;
        } finally {
            session.getContext().setRealm(before);
        }
    }

    /** Signs with the realm's active key of its default signature algorithm (RS256 unless the realm says otherwise). */
    private static String sign(KeycloakSession session, RealmModel realm, Map<String, Object> claims) {
        RealmModel before = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            String algorithm = realm.getDefaultSignatureAlgorithm() == null ? Algorithm.RS256
                    : realm.getDefaultSignatureAlgorithm();
            SignatureProvider provider = session.getProvider(SignatureProvider.class, algorithm);
            if (provider == null || !provider.isAsymmetricAlgorithm()) {
                // An HMAC key is a secret of the server: a checkpoint must be checkable by others.
                provider = session.getProvider(SignatureProvider.class, Algorithm.RS256);
            }
            return new JWSBuilder().type(TYPE).jsonContent(claims).sign(provider.signer());
        } finally {
            session.getContext().setRealm(before);
        }
    }
}
