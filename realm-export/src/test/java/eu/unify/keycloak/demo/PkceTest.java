package eu.unify.keycloak.demo;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

    @Test
    void s256ChallengeMatchesTheExampleOfRfc7636AppendixB() {
        assertThat(Pkce.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void randomTokensAreUnpaddedBase64UrlOfTheRecommendedLength() {
        SecureRandom random = new SecureRandom();
        String token = Pkce.randomToken(random);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Pkce.randomToken(random)).isNotEqualTo(token);
    }
}
