package eu.unify.keycloak.audit.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import liquibase.resource.ClassLoaderResourceAccessor;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.audit.record.AuditChain;
import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.ChainVerification;
import eu.unify.keycloak.audit.record.DetailsCodec;

/**
 * A trail written by the released version (schema of change sets 1.0 and 1.1, records chained in the request as that
 * version did) is migrated by the current changelog, still verifies, and the sealer continues its chain.
 */
class AuditMigrationTest {

    private static final String REALM = "realm-old";

    @Test
    void aTrailOfTheReleasedVersionMigratesStillVerifiesAndGoesOn() throws Exception {
        TestDatabase db = TestDatabase.empty();
        db.migrate(TestDatabase.releasedBeforeSealing());
        List<AuditRecord> old = writeAsReleased(db, 25);

        db.migrate(new ClassLoaderResourceAccessor());

        assertThat(db.unsealed(REALM)).isZero();
        assertThat(db.chain(REALM)).containsExactlyElementsOf(old);
        ChainVerification.Result migrated = db.verify(REALM);
        assertThat(migrated.valid()).as(String.valueOf(migrated.reason())).isTrue();
        assertThat(migrated.checked()).isEqualTo(25);

        // The new request path and the sealer continue the same chain.
        try (Connection c = db.connect()) {
            db.sql.insert(c, List.of(TestDatabase.login(REALM, 100), TestDatabase.login(REALM, 101)));
            c.commit();
        }
        assertThat(db.sealAll(REALM, 10)).isEqualTo(2);
        List<AuditRecord> chain = db.chain(REALM);
        assertThat(chain).hasSize(27);
        assertThat(chain.get(25).prevHash()).isEqualTo(old.get(24).hash());
        assertThat(db.verify(REALM).valid()).isTrue();
        assertThat(db.verify(REALM).checked()).isEqualTo(27);
    }

    /** What the released ChainAppender wrote: each record linked in its request, the head row moved with it. */
    private static List<AuditRecord> writeAsReleased(TestDatabase db, int count) throws Exception {
        List<AuditRecord> written = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        try (Connection c = db.connect()) {
            try (PreparedStatement head = c.prepareStatement("insert into UNIFY_AUDIT_CHAIN (REALM_ID, LAST_SEQ,"
                    + " LAST_HASH, PURGED_SEQ, PURGED_HASH) values (?, 0, ?, 0, ?)")) {
                head.setString(1, REALM);
                head.setString(2, AuditChain.GENESIS);
                head.setString(3, AuditChain.GENESIS);
                head.executeUpdate();
            }
            for (int n = 1; n <= count; n++) {
                AuditRecord link = TestDatabase.login(REALM, n).chained(n, prev);
                prev = link.hash();
                written.add(link);
                try (PreparedStatement insert = c.prepareStatement("insert into UNIFY_AUDIT_RECORD (ID, REALM_ID, SEQ,"
                        + " EVENT_TIME, KIND, TYPE, OUTCOME, ERROR, USER_ID, USERNAME, CLIENT_ID, IP_ADDRESS,"
                        + " SESSION_ID, RESOURCE_TYPE, RESOURCE_PATH, DETAILS, PREV_HASH, HASH)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                     PreparedStatement move = c.prepareStatement("update UNIFY_AUDIT_CHAIN set LAST_SEQ = ?,"
                             + " LAST_HASH = ? where REALM_ID = ?")) {
                    int i = 0;
                    insert.setString(++i, link.id());
                    insert.setString(++i, link.realmId());
                    insert.setLong(++i, link.seq());
                    insert.setLong(++i, link.time());
                    insert.setString(++i, link.kind());
                    insert.setString(++i, link.type());
                    insert.setString(++i, link.outcome());
                    insert.setString(++i, link.error());
                    insert.setString(++i, link.userId());
                    insert.setString(++i, link.username());
                    insert.setString(++i, link.clientId());
                    insert.setString(++i, link.ipAddress());
                    insert.setString(++i, link.sessionId());
                    insert.setString(++i, link.resourceType());
                    insert.setString(++i, link.resourcePath());
                    insert.setString(++i, DetailsCodec.encode(link.details()));
                    insert.setString(++i, link.prevHash());
                    insert.setString(++i, link.hash());
                    insert.executeUpdate();
                    move.setLong(1, link.seq());
                    move.setString(2, link.hash());
                    move.setString(3, REALM);
                    move.executeUpdate();
                }
                c.commit();
            }
        }
        return written;
    }
}
