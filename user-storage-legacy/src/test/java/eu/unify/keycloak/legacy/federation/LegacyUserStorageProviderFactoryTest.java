package eu.unify.keycloak.legacy.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.reflections.Types;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserRegistrationProvider;

class LegacyUserStorageProviderFactoryTest {

    private final LegacyUserStorageProviderFactory factory = new LegacyUserStorageProviderFactory();

    @Test
    void keycloakSeesEveryCapabilityOfTheProviderInTheFactorysType() {
        // Keycloak asks a user storage only for what its factory's type parameter implements (Types.supports).
        for (Class<?> capability : List.of(UserLookupProvider.class, CredentialInputValidator.class,
                ImportedUserValidation.class, UserRegistrationProvider.class)) {
            assertThat(Types.supports(capability, factory, UserStorageProviderFactory.class)).as(capability.getName())
                    .isTrue();
        }
    }

    @Test
    void theStoresOptionsComeFirstThenTheMoves() {
        List<String> names = factory.getConfigProperties().stream().map(ProviderConfigProperty::getName).toList();
        assertThat(factory.getId()).isEqualTo("unify-legacy");
        assertThat(names).startsWith("jdbcUrl").endsWith("moveWaves", "moveCredentials")
                .contains("findByUsernameSql", "countByWaveSql", "bareDigestSaltPosition").doesNotHaveDuplicates();
    }
}
