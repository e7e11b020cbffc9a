package eu.unify.keycloak.audit.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records for the tests: a chain of logins in one realm. */
final class Records {

    private Records() {
    }

    static AuditRecord login(int n) {
        return AuditRecord.unchained("id-" + n, "realm-1", 1_700_000_000_000L + n, AuditRecord.USER, "LOGIN", null,
                "user-" + n, "user" + n + "@example.com", "app", "10.0.0." + n, "session-" + n, null, null,
                Map.of("auth_method", "openid-connect"));
    }

    static List<AuditRecord> chain(int length) {
        List<AuditRecord> chain = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord link = login(i).chained(i, prev);
            chain.add(link);
            prev = link.hash();
        }
        return chain;
    }

    /** {@code r} with another IP address but its old hash, as if altered in the database. */
    static AuditRecord withIp(AuditRecord r, String ip) {
        return new AuditRecord(r.id(), r.realmId(), r.seq(), r.time(), r.kind(), r.type(), r.outcome(), r.error(),
                r.userId(), r.username(), r.clientId(), ip, r.sessionId(), r.resourceType(), r.resourcePath(),
                r.details(), r.prevHash(), r.hash());
    }
}
