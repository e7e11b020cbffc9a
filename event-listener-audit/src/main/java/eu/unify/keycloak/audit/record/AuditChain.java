package eu.unify.keycloak.audit.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash chain of a realm's records: each record's hash is SHA-256 over the previous record's hash and every field
 * of the record, so altering, removing or reordering a stored record breaks the chain from that record on.
 */
public final class AuditChain {

    /** What the first record of a realm follows. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash of {@code record} as linked (its seq and prevHash set; its own hash ignored). */
    public static String hash(AuditRecord record) {
        MessageDigest digest = sha256();
        digest.update(canonical(record).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Every hashed field, each length-prefixed so that no two different records share a text (moving characters from
     * one field to the next changes the lengths). Never change this once records exist: add a version field instead.
     */
    static String canonical(AuditRecord r) {
        StringBuilder text = new StringBuilder(256);
        field(text, "v1");
        field(text, r.prevHash());
        field(text, Long.toString(r.seq()));
        field(text, r.id());
        field(text, r.realmId());
        field(text, Long.toString(r.time()));
        field(text, r.kind());
        field(text, r.type());
        field(text, r.outcome());
        field(text, r.error());
        field(text, r.userId());
        field(text, r.username());
        field(text, r.clientId());
        field(text, r.ipAddress());
        field(text, r.sessionId());
        field(text, r.resourceType());
        field(text, r.resourcePath());
        field(text, Integer.toString(r.details().size()));
        for (Map.Entry<String, String> detail : r.details().entrySet()) {
            field(text, detail.getKey());
            field(text, detail.getValue());
        }
        return text.toString();
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-|");
        } else {
            text.append(value.length()).append(':').append(value).append('|');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
