package eu.unify.keycloak.audit.listener;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.keycloak.Token;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;

import eu.unify.keycloak.audit.record.AuditRecord;
import eu.unify.keycloak.audit.record.DetailAllowList;
import eu.unify.keycloak.common.mask.EmailMask;

/**
 * Turns Keycloak's events into audit records. Admin events keep only what was done to which resource (type, path,
 * operation): never the representation, which can hold credentials and secrets.
 */
final class AuditRecordMapper {

    private static final Set<String> EMAIL_DETAILS = Set.of(Details.EMAIL, Details.PREVIOUS_EMAIL, Details.UPDATED_EMAIL);

    private final KeycloakSession session;
    private final boolean maskEmail;

    AuditRecordMapper(KeycloakSession session, boolean maskEmail) {
        this.session = session;
        this.maskEmail = maskEmail;
    }

    AuditRecord fromUserEvent(Event event) {
        Map<String, String> details = event.getDetails();
        String username = details == null ? null : details.get(Details.USERNAME);
        if (username == null && event.getUserId() != null) {
            username = usernameOf(event.getRealmId(), event.getUserId());
        }
        return AuditRecord.unchained(idOf(event.getId()), event.getRealmId(), event.getTime(), AuditRecord.USER,
                event.getType().name(), event.getError(), event.getUserId(), mask(username), event.getClientId(),
                event.getIpAddress(), event.getSessionId(), null, null, masked(DetailAllowList.filter(details)));
    }

    AuditRecord fromAdminEvent(AdminEvent event) {
        AuthDetails actor = event.getAuthDetails();
        String actorRealm = actor == null ? null : actor.getRealmId();
        String actorId = actor == null ? null : actor.getUserId();
        String resourceType = event.getResourceTypeAsString();
        String type = "ADMIN_" + (resourceType == null ? "UNKNOWN" : resourceType) + "_" + event.getOperationType();
        return AuditRecord.unchained(idOf(event.getId()), event.getRealmId(), event.getTime(), AuditRecord.ADMIN,
                type, event.getError(), actorId, mask(actorId == null ? null : usernameOf(actorRealm, actorId)),
                actor == null ? null : clientIdOf(actorRealm, actor.getClientId()),
                actor == null ? null : actor.getIpAddress(), null, resourceType, event.getResourcePath(),
                masked(DetailAllowList.filter(event.getDetails())));
    }

    /**
     * The last record of a deleted realm's chain: who deleted it (the admin's token), from where, and the realm's name.
     * Keycloak itself files the matching admin event under the admin's realm.
     */
    AuditRecord fromRealmDeletion(RealmModel realm) {
        Token token = session.getContext().getBearerToken();
        JsonWebToken jwt = token instanceof JsonWebToken web ? web : null;
        String username = token instanceof IDToken id ? id.getPreferredUsername() : null;
        ClientConnection connection = session.getContext().getConnection();
        return AuditRecord.unchained(UUID.randomUUID().toString(), realm.getId(), Time.currentTimeMillis(),
                AuditRecord.ADMIN, "ADMIN_REALM_DELETE", null, jwt == null ? null : jwt.getSubject(), mask(username),
                jwt == null ? null : jwt.getIssuedFor(), connection == null ? null : connection.getRemoteAddr(), null,
                "REALM", realm.getName(), Map.of());
    }

    private String usernameOf(String realmId, String userId) {
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
        return user == null ? null : user.getUsername();
    }

    /** Admin events name the client by its internal id; the record keeps the client id people know. */
    private String clientIdOf(String realmId, String internalId) {
        if (internalId == null) {
            return null;
        }
        RealmModel realm = realmId == null ? null : session.realms().getRealm(realmId);
        ClientModel client = realm == null ? null : session.clients().getClientById(realm, internalId);
        return client == null ? internalId : client.getClientId();
    }

    private String mask(String value) {
        return maskEmail ? EmailMask.maskIfAddress(value) : value;
    }

    private TreeMap<String, String> masked(TreeMap<String, String> details) {
        if (maskEmail) {
            details.replaceAll((key, value) -> EMAIL_DETAILS.contains(key) ? EmailMask.maskIfAddress(value) : value);
        }
        return details;
    }

    private static String idOf(String eventId) {
        return eventId == null ? UUID.randomUUID().toString() : eventId;
    }
}
