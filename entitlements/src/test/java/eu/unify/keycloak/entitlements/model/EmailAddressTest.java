package eu.unify.keycloak.entitlements.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"matti@acme.example", "o'brien@acme.example", "first.last+tag@sub.acme.example",
            "x@xn--mller-kva.example", "a_b-c@a1.example", "${7*7}@acme.example"})
    void plainAddressesPass(String address) {
        assertThat(EmailAddress.isPlain(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "@acme.example", "a@", "a@b", "a<b>@acme.example", "\"q\"@acme.example",
            "a b@acme.example", "a@acme.example.", "a@acme..example", "a@.acme.example", ".a@acme.example",
            "a.@acme.example", "a..b@acme.example", "a@-acme.example", "a@acme-.example", "a@b@acme.example",
            "o\uFFFDx@acme.example", "jörg@acme.example", "a@müller.example", "a@acme.example\n", "a,b@acme.example",
            "a@127.0.0.1", "a@[127.0.0.1]", "a(comment)@acme.example"})
    void everythingElseIsRefused(String address) {
        assertThat(EmailAddress.isPlain(address)).isFalse();
    }

    @Test
    void tooLongPartsAreRefused() {
        assertThat(EmailAddress.isPlain("a".repeat(65) + "@acme.example")).isFalse();
        assertThat(EmailAddress.isPlain("a@" + "b".repeat(64) + ".example")).isFalse();
        assertThat(EmailAddress.isPlain("a@" + ("b".repeat(60) + ".").repeat(5) + "example")).isFalse();
    }

    @Test
    void theDomainIsInLowerCase() {
        assertThat(EmailAddress.domain("Spy@MAIL.Globex.Example")).isEqualTo("mail.globex.example");
    }
}
