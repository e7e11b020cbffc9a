package eu.unify.keycloak.audit.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One audit record. Inserted unsealed (no {@code seq}, {@code prevHash}, {@code hash}) by the request; the sealer then
 * sets those three once, making it link {@code seq} of its realm's hash chain. Nothing else ever changes a row.
 * {@code rowId} is filled by the database on insert: the order in which the sealer takes records.
 */
@Entity
@Table(name = "UNIFY_AUDIT_RECORD")
@NamedQueries({
        @NamedQuery(name = "unifyAudit.chainFrom",
                query = "select r from AuditRecordEntity r where r.realmId = :realmId and r.seq > :after order by r.seq"),
        @NamedQuery(name = "unifyAudit.firstKeptSeq",
                query = "select min(r.seq) from AuditRecordEntity r where r.realmId = :realmId and r.time >= :before"),
        @NamedQuery(name = "unifyAudit.any",
                query = "select r.id from AuditRecordEntity r where r.realmId = :realmId"),
        @NamedQuery(name = "unifyAudit.bySeq",
                query = "select r from AuditRecordEntity r where r.realmId = :realmId and r.seq = :seq"),
        @NamedQuery(name = "unifyAudit.purgeThrough",
                query = "delete from AuditRecordEntity r where r.realmId = :realmId and r.seq <= :seq")
})
public class AuditRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "SEQ")
    private Long seq;

    @Column(name = "ROW_ID", insertable = false, updatable = false)
    private Long rowId;

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "KIND", length = 8, nullable = false)
    private String kind;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    @Column(name = "OUTCOME", length = 8, nullable = false)
    private String outcome;

    @Column(name = "ERROR", length = 255)
    private String error;

    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "USERNAME", length = 255)
    private String username;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Column(name = "IP_ADDRESS", length = 255)
    private String ipAddress;

    @Column(name = "SESSION_ID", length = 255)
    private String sessionId;

    @Column(name = "RESOURCE_TYPE", length = 64)
    private String resourceType;

    @Column(name = "RESOURCE_PATH", length = 1024)
    private String resourcePath;

    @Column(name = "DETAILS", length = 4000)
    private String details;

    @Column(name = "PREV_HASH", length = 64)
    private String prevHash;

    @Column(name = "HASH", length = 64)
    private String hash;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public Long getRowId() {
        return rowId;
    }

    public long getTime() {
        return time;
    }

    public void setTime(long time) {
        this.time = time;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = error;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getResourcePath() {
        return resourcePath;
    }

    public void setResourcePath(String resourcePath) {
        this.resourcePath = resourcePath;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }
}
