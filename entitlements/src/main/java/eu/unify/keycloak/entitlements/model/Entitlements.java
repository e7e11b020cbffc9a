package eu.unify.keycloak.entitlements.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one user may use: their companies (none, one or several; {@link #company()} is the first by alias), the
 * customer numbers they act for (those any of their companies holds) and their services. The claim of
 * {@code unify-entitlements-mapper} is {@link #toClaim()}; services there carry only id and name to keep tokens
 * small.
 */
public record Entitlements(List<Company> companies, List<String> customerNumbers, List<ServiceEntry> services) {

    public Entitlements {
        companies = List.copyOf(companies);
        customerNumbers = List.copyOf(customerNumbers);
        services = List.copyOf(services);
    }

    /** The first of the user's companies by alias, or null. */
    public Company company() {
        return companies.isEmpty() ? null : companies.get(0);
    }

    public List<Map<String, Object>> companiesJson() {
        return companies.stream().map(Company::toJson).toList();
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
        if (!companies.isEmpty()) {
            claim.put("company", company().toJson());
            claim.put("companies", companiesJson());
        }
        return claim;
    }
}
