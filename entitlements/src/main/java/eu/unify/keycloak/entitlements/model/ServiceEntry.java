package eu.unify.keycloak.entitlements.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A service as a user sees it in one language: what the menu and the access page show. */
public record ServiceEntry(String clientId, String name, String description, String url, String icon) {

    /** Reads the service texts of a client's attributes; the name falls back to the client id. */
    public static ServiceEntry of(String clientId, Map<String, String> clientAttributes, Locale locale) {
        return new ServiceEntry(clientId,
                LocalizedText.pick(clientAttributes, EntitlementKeys.SERVICE_NAME, locale, clientId),
                LocalizedText.pick(clientAttributes, EntitlementKeys.SERVICE_DESCRIPTION, locale, null),
                LocalizedText.pick(clientAttributes, EntitlementKeys.SERVICE_URL, locale, null),
                LocalizedText.pick(clientAttributes, EntitlementKeys.SERVICE_ICON, locale, null));
    }

    public static boolean isService(Map<String, String> clientAttributes) {
        return "true".equalsIgnoreCase(String.valueOf(clientAttributes.get(EntitlementKeys.SERVICE)).trim());
    }

    /** The full entry, leaving out what the admin did not set. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientId", clientId);
        json.put("name", name);
        if (description != null) {
            json.put("description", description);
        }
        if (url != null) {
            json.put("url", url);
        }
        if (icon != null) {
            json.put("icon", icon);
        }
        return json;
    }
}
