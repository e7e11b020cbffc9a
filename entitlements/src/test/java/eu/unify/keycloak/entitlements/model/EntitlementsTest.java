package eu.unify.keycloak.entitlements.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EntitlementsTest {

    private static final Map<String, String> SHOP = Map.of(
            "unify.service", "true",
            "unify.service.name", "Web shop",
            "unify.service.name.fi", "Verkkokauppa",
            "unify.service.name.pt", "Loja",
            "unify.service.description.en", "Order goods",
            "unify.service.url", " https://shop.example ");

    @Test
    void namesFollowTheLanguageWithFallbacks() {
        assertThat(ServiceEntry.of("shop", SHOP, Locale.forLanguageTag("fi")).name()).isEqualTo("Verkkokauppa");
        assertThat(ServiceEntry.of("shop", SHOP, Locale.forLanguageTag("pt-BR")).name()).isEqualTo("Loja");
        assertThat(ServiceEntry.of("shop", SHOP, Locale.GERMAN).name()).isEqualTo("Web shop");
        assertThat(ServiceEntry.of("shop", SHOP, null).name()).isEqualTo("Web shop");
        assertThat(ServiceEntry.of("shop", SHOP, Locale.GERMAN).description()).isEqualTo("Order goods");
        assertThat(ServiceEntry.of("shop", SHOP, Locale.GERMAN).url()).isEqualTo("https://shop.example");
        assertThat(ServiceEntry.of("bare", Map.of("unify.service", "true", "unify.service.name", " "), Locale.ENGLISH)
                .name()).as("falls back to the client id").isEqualTo("bare");
    }

    @Test
    void onlyClientsMarkedTrueAreServices() {
        assertThat(ServiceEntry.isService(SHOP)).isTrue();
        assertThat(ServiceEntry.isService(Map.of("unify.service", "TRUE"))).isTrue();
        assertThat(ServiceEntry.isService(Map.of("unify.service", "yes"))).isFalse();
        assertThat(ServiceEntry.isService(Map.of())).isFalse();
    }

    @Test
    void theClaimCarriesServiceIdsAndNamesNumbersAndTheCompany() {
        Entitlements entitlements = new Entitlements(List.of(new Company("id-1", "acme", "Acme Oy")), List.of("100234"),
                List.of(ServiceEntry.of("shop", SHOP, Locale.forLanguageTag("fi"))));
        assertThat(entitlements.toClaim()).isEqualTo(Map.of(
                "services", List.of(Map.of("clientId", "shop", "name", "Verkkokauppa")),
                "customerNumbers", List.of("100234"),
                "company", Map.of("id", "id-1", "alias", "acme", "name", "Acme Oy"),
                "companies", List.of(Map.of("id", "id-1", "alias", "acme", "name", "Acme Oy"))));
        assertThat(new Entitlements(List.of(), List.of(), List.of()).toClaim())
                .as("no company: the key is left out").isEqualTo(Map.of("services", List.of(), "customerNumbers", List.of()));
    }

    @Test
    void aUserInSeveralCompaniesHasTheFirstByAliasAsCompanyAndAllOfThem() {
        Entitlements entitlements = new Entitlements(List.of(new Company("a", "acme", "Acme Oy"),
                new Company("g", "globex", "Globex GmbH")), List.of("100234", "200100"), List.of());
        assertThat(entitlements.company().alias()).isEqualTo("acme");
        assertThat(entitlements.toClaim().get("companies")).isEqualTo(List.of(
                Map.of("id", "a", "alias", "acme", "name", "Acme Oy"),
                Map.of("id", "g", "alias", "globex", "name", "Globex GmbH")));
    }

    @Test
    void theMenuEntryLeavesOutWhatIsNotSet() {
        assertThat(ServiceEntry.of("shop", SHOP, Locale.ENGLISH).toJson()).isEqualTo(Map.of(
                "clientId", "shop", "name", "Web shop", "description", "Order goods", "url", "https://shop.example"));
    }
}
