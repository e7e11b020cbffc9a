package eu.unify.keycloak.legacy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegacyAttributesTest {

    @Test
    void thePublicNamesAreTheOnesTheImportWrites() {
        assertThat(LegacyAttributes.USERNAME).isEqualTo(LegacyImport.ATTR_USERNAME);
        assertThat(LegacyAttributes.MAIN_ACCOUNT).isEqualTo(LegacyImport.ATTR_MAIN_ACCOUNT);
        assertThat(LegacyAttributes.WAVE).isEqualTo(LegacyImport.ATTR_WAVE);
        assertThat(LegacyAttributes.RIGHTS).isEqualTo(LegacyImport.ATTR_RIGHTS);
    }
}
