package eu.unify.keycloak.entitlements.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one user may use: their company (or none), the customer numbers they act for and their services. The claim
 * of {@code unify-entitlements-mapper} is {@link #toClaim()}; services there carry only id and name to keep tokens
 * small.
 */
public record Entitlements(Company company, List<String> customerNumbers, List<ServiceEntry> services) {

    public Entitlements {
        customerNumbers = List.copyOf(customerNumbers);
        services = List.copyOf(services);
    }

    public Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>();
        List<Map<String, Object>> serviceClaims = new ArrayList<>(services.size());
        for (ServiceEntry service : services) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("clientId", service.clientId());
            entry.put("name", service.name());
            serviceClaims.add(entry);
        }
        claim.put("services", serviceClaims);
        claim.put("customerNumbers", customerNumbers);
        if (company != null) {
            claim.put("company", company.toJson());
        }
        return claim;
    }
}
