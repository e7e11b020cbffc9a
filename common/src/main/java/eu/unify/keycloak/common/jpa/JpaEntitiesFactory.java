package eu.unify.keycloak.common.jpa;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

import eu.unify.keycloak.common.UnifyProviderFactory;

/**
 * What every Unify module with tables of its own in Keycloak's database shares: its entities and Liquibase changelog
 * registered with Keycloak's JPA layer (Keycloak runs the changelog at start), and the bundle version in the console's
 * provider info. The id also names Liquibase's record of the module's change sets: never change it once deployed.
 */
public abstract class JpaEntitiesFactory extends UnifyProviderFactory<JpaEntityProvider>
        implements JpaEntityProviderFactory {

    private final String id;
    private final JpaEntityProvider provider;

    protected JpaEntitiesFactory(String id, String changelog, List<Class<?>> entities) {
        this.id = id;
        List<Class<?>> registered = List.copyOf(entities);
        this.provider = new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return registered;
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return id;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public final String getId() {
        return id;
    }
}
