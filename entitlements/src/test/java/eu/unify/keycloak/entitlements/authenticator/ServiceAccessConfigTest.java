package eu.unify.keycloak.entitlements.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

class ServiceAccessConfigTest {

    @Test
    void bothOptionsHaveALabelHelpAndAnEmptyDefault() {
        assertThat(ServiceAccessConfig.properties()).extracting(ProviderConfigProperty::getName)
                .containsExactly(ServiceAccessConfig.CONTACT, ServiceAccessConfig.CONTACT_LINK);
        assertThat(ServiceAccessConfig.properties()).allSatisfy(p -> {
            assertThat(p.getLabel()).isNotBlank();
            assertThat(p.getHelpText()).isNotBlank();
            assertThat(p.getDefaultValue()).isEqualTo("");
        });
    }

    @Test
    void theContactIsShownAsWrittenAndOnlyWebOrMailAddressesBecomeLinks() {
        assertThat(ServiceAccessConfig.contact(null)).isEmpty();
        assertThat(ServiceAccessConfig.contact(Map.of(ServiceAccessConfig.CONTACT, "  "))).isEmpty();
        assertThat(ServiceAccessConfig.contact(Map.of(ServiceAccessConfig.CONTACT, " Customer service, 010 123 ")))
                .hasValue("Customer service, 010 123");
        assertThat(ServiceAccessConfig.contactLink(Map.of(ServiceAccessConfig.CONTACT_LINK, "mailto:help@provider.example")))
                .hasValue("mailto:help@provider.example");
        assertThat(ServiceAccessConfig.contactLink(Map.of(ServiceAccessConfig.CONTACT_LINK, "https://provider.example/contact")))
                .hasValue("https://provider.example/contact");
        for (String refused : new String[] {"javascript:alert(1)", "provider.example", "https://a.example/\" onclick=x",
                "data:text/html,hi"}) {
            assertThat(ServiceAccessConfig.contactLink(Map.of(ServiceAccessConfig.CONTACT_LINK, refused))).as(refused)
                    .isEmpty();
        }
    }
}
