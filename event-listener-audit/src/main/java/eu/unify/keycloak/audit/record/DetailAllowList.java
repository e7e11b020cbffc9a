package eu.unify.keycloak.audit.record;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event details an audit record may keep. A fixed allow list, not a block list: a detail that a future Keycloak or
 * another extension adds (a code, a token id, a hash) stays out until someone decides it is safe.
 */
public final class DetailAllowList {

    /** Longest detail value kept; longer values are cut (details are context, not payload). */
    static final int MAX_VALUE_LENGTH = 255;
    /** What the DETAILS column holds (4000) with room to spare; details past it are dropped, in key order. */
    static final int MAX_ENCODED_LENGTH = 3500;

    private static final Set<String> ALLOWED = Set.of(
            // Keycloak's own (org.keycloak.events.Details)
            "auth_method", "auth_type", "remember_me", "response_type", "response_mode", "grant_type",
            "identity_provider", "consent", "credential_type", "reason", "custom_required_action",
            "client_auth_method", "redirected_to_client", "previous_email", "updated_email", "email",
            "first_broker_login", "register_method", "not_before", "impersonator", "impersonator_id",
            "connection_type", "login_retry", "restart_after_timeout", "conditional_required_action",
            "user_storage_provider", "action",
            // Unify's own
            "unify_code_purpose", "attempts_left", "code_sent", "unify_service", "unify_legacy_import");

    private DetailAllowList() {
    }

    /** Only the allowed details of {@code details}, sorted, empty values dropped and long values cut. */
    public static TreeMap<String, String> filter(Map<String, String> details) {
        TreeMap<String, String> allowed = new TreeMap<>();
        if (details != null) {
            details.forEach((key, value) -> {
                if (key != null && ALLOWED.contains(key) && value != null && !value.isEmpty()) {
                    allowed.put(key, value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value);
                }
            });
        }
        TreeMap<String, String> kept = new TreeMap<>();
        int length = 0;
        for (Map.Entry<String, String> detail : allowed.entrySet()) {
            int added = DetailsCodec.encodedLength(detail.getKey(), detail.getValue()) + (kept.isEmpty() ? 0 : 1);
            if (length + added <= MAX_ENCODED_LENGTH) {
                kept.put(detail.getKey(), detail.getValue());
                length += added;
            }
        }
        return kept;
    }
}
