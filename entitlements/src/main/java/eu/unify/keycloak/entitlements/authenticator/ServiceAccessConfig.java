package eu.unify.keycloak.entitlements.authenticator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The admin console options of {@code unify-service-access}: whom a user asks when nobody in their company can give
 * them access. Both are optional; without them the page still tells the user to contact the provider.
 */
final class ServiceAccessConfig {

    static final String CONTACT = "provider.contact";
    static final String CONTACT_LINK = "provider.contact.link";

    /** A web or mail address, nothing that a browser would run. */
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:)[^\\s\"'<>]+");

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(CONTACT)
            .label("Provider contact")
            .helpText("Whom users contact when their company cannot give them access: the company does not hold the "
                    + "service, has no company admin, or the user belongs to no company. Shown on the page as written, "
                    + "e.g. 'Customer service, +358 10 123 4567'. Empty (default): the page asks the user to contact "
                    + "your customer service without details.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("").add()
            .property().name(CONTACT_LINK)
            .label("Provider contact link")
            .helpText("Optional: where the contact links to, an https:// address (a contact form) or a mailto: address. "
                    + "Anything else is ignored. Empty (default): the contact is plain text.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue("").add()
            .build();

    private ServiceAccessConfig() {
    }

    static List<ProviderConfigProperty> properties() {
        return PROPERTIES;
    }

    /** The contact text, if set. {@code config} may be null. */
    static Optional<String> contact(Map<String, String> config) {
        return value(config, CONTACT);
    }

    /** The contact's link, if set and a web or mail address. {@code config} may be null. */
    static Optional<String> contactLink(Map<String, String> config) {
        return value(config, CONTACT_LINK).filter(link -> LINK.matcher(link).matches());
    }

    private static Optional<String> value(Map<String, String> config, String key) {
        String value = config == null ? null : config.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
