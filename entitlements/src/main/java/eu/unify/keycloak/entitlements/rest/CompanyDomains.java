package eu.unify.keycloak.entitlements.rest;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which company an email domain belongs to. Keycloak matches an organisation's domain exactly, and its subdomains
 * only when the domain is declared as {@code *.example.com}; for invitations Unify is stricter: a subdomain of a
 * company's domain is that company's too ({@code mail.globex.example} is Globex's), whatever the declaration. The
 * most specific match wins, so a company may own a subdomain of another's domain.
 */
final class CompanyDomains {

    private CompanyDomains() {
    }

    /** The company owning {@code domain} (a lower-case host name of two labels or more), or null. */
    static OrganizationModel owner(KeycloakSession session, String domain) {
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        String candidate = domain;
        // Down to the registrable part (two labels): a top-level domain alone is nobody's.
        while (candidate.indexOf('.') > 0) {
            OrganizationModel owner = organizations.getByDomainName(candidate);
            if (owner != null) {
                return owner;
            }
            candidate = candidate.substring(candidate.indexOf('.') + 1);
        }
        return null;
    }
}
