package eu.unify.keycloak.entitlements.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The customer company a user belongs to: a Keycloak organisation. */
public record Company(String id, String alias, String name) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("alias", alias);
        json.put("name", name);
        return json;
    }
}
