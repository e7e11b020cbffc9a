package eu.unify.keycloak.common.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a user may use, as a person reads it: the names of their services in one language and the customer numbers
 * they act for, each list in display order, without blanks or repeats. Empty when no module knows anything about it.
 */
public record UserAccess(List<String> services, List<String> customerNumbers) {

    public static final UserAccess NONE = new UserAccess(List.of(), List.of());

    public UserAccess {
        services = clean(services);
        customerNumbers = clean(customerNumbers);
    }

    /**
     * The user's access as every deployed {@link UserAccessProvider} reports it, merged in the order of their ids;
     * {@link #NONE} when no provider is deployed (the activation codes without the entitlements module).
     */
    public static UserAccess of(KeycloakSession session, RealmModel realm, UserModel user, Locale locale) {
        List<UserAccessProviderFactory> factories = session.getKeycloakSessionFactory()
                .getProviderFactoriesStream(UserAccessProvider.class)
                .map(UserAccessProviderFactory.class::cast)
                .sorted((a, b) -> a.getId().compareTo(b.getId()))
                .toList();
        UserAccess access = NONE;
        for (UserAccessProviderFactory factory : factories) {
            UserAccessProvider provider = session.getProvider(UserAccessProvider.class, factory.getId());
            if (provider != null) {
                access = access.and(provider.accessOf(realm, user, locale));
            }
        }
        return access;
    }

    public boolean isEmpty() {
        return services.isEmpty() && customerNumbers.isEmpty();
    }

    /** Both lists of this one followed by what {@code other} adds. */
    public UserAccess and(UserAccess other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        return new UserAccess(concat(services, other.services), concat(customerNumbers, other.customerNumbers));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        values.stream().filter(Objects::nonNull).map(String::trim).filter(value -> !value.isEmpty()).forEach(kept::add);
        return List.copyOf(kept);
    }
}
