package eu.unify.keycloak.activation.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodePurposeTest {

    @Test
    void eachPurposeHasTheKindTheIssueAsksFor() {
        assertThat(CodePurpose.ACTIVATION.kind()).isEqualTo(CodeKind.SESSION);
        assertThat(CodePurpose.RESET_CREDENTIALS.kind()).isEqualTo(CodeKind.SESSION);
        assertThat(CodePurpose.ACCOUNT_LINK.kind()).isEqualTo(CodeKind.ACCOUNT);
        assertThat(CodePurpose.ACTIVATION_IN_MESSAGE.kind()).isEqualTo(CodeKind.ACCOUNT);
    }

    @Test
    void idsAreStableDistinctAndSafeForTheHashLayout() {
        assertThat(Arrays.stream(CodePurpose.values()).map(CodePurpose::id))
                .containsExactly("activation", "account-link", "reset-credentials", "activation-in-message")
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z-]+"));
    }

    @Test
    void aWelcomeMessageCarriesTheLinkCodeOrWithTheRealmOptionTheActivationCode() {
        assertThat(CodePurpose.ofWelcomeMessage(false)).containsExactly(CodePurpose.ACCOUNT_LINK);
        assertThat(CodePurpose.ofWelcomeMessage(true))
                .containsExactly(CodePurpose.ACCOUNT_LINK, CodePurpose.ACTIVATION_IN_MESSAGE);
        assertThat(CodePurpose.ofWelcomeMessage(true)).as("codes typed in a session never name an account")
                .allMatch(purpose -> purpose.kind() == CodeKind.ACCOUNT);
    }

    @Test
    void fromIdFindsEachPurposeAndNothingElse() {
        for (CodePurpose purpose : CodePurpose.values()) {
            assertThat(CodePurpose.fromId(purpose.id())).contains(purpose);
        }
        assertThat(CodePurpose.fromId("ACTIVATION")).isEmpty();
        assertThat(CodePurpose.fromId("")).isEmpty();
        assertThat(CodePurpose.fromId(null)).isEmpty();
    }
}
