package eu.unify.keycloak.entitlements.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

class CompanyDomainsTest {

    private final OrganizationModel globex = stub(OrganizationModel.class, Map.of());
    private final OrganizationModel globexSales = stub(OrganizationModel.class, Map.of());
    private final List<String> asked = new ArrayList<>();
    /** Keycloak's exact lookup: globex.example is Globex's, sales.globex.example another company's. */
    private final OrganizationProvider organizations = stub(OrganizationProvider.class, Map.of("getByDomainName",
            arguments -> {
                asked.add((String) arguments[0]);
                return switch ((String) arguments[0]) {
                    case "globex.example" -> globex;
                    case "sales.globex.example" -> globexSales;
                    default -> null;
                };
            }));
    private final KeycloakSession session = stub(KeycloakSession.class, Map.of("getProvider", arguments -> organizations));

    @Test
    void aSubdomainBelongsToTheCompanyOfItsParentDomain() {
        assertThat(CompanyDomains.owner(session, "mail.globex.example")).isSameAs(globex);
        assertThat(CompanyDomains.owner(session, "a.b.globex.example")).isSameAs(globex);
        assertThat(CompanyDomains.owner(session, "globex.example")).isSameAs(globex);
    }

    @Test
    void theMostSpecificDomainWins() {
        assertThat(CompanyDomains.owner(session, "eu.sales.globex.example")).isSameAs(globexSales);
    }

    @Test
    void aTopLevelDomainIsNobodysAndIsNotAsked() {
        assertThat(CompanyDomains.owner(session, "elsewhere.example")).isNull();
        assertThat(asked).containsExactly("elsewhere.example");
    }

    private interface Answer {
        Object apply(Object[] arguments);
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Answer> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(arguments);
            }
            if (method.getName().equals("equals")) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            return null;
        });
    }
}
