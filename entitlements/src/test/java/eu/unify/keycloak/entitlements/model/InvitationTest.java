package eu.unify.keycloak.entitlements.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvitationTest {

    private static Invitation parse(String body) {
        return Invitation.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAFullInvitation() {
        Invitation invitation = parse("""
                {"email": " Uusi@Acme.Example ", "firstName": "Uusi", "lastName": "Työntekijä", "locale": "fi",
                 "services": ["shop", "invoices", "shop"], "customerNumbers": ["100234"]}""");
        assertThat(invitation.email()).isEqualTo("uusi@acme.example");
        assertThat(invitation.lastName()).isEqualTo("Työntekijä");
        assertThat(invitation.locale()).isEqualTo("fi");
        assertThat(invitation.services()).containsExactly("shop", "invoices");
        assertThat(invitation.customerNumbers()).containsExactly("100234");
    }

    @Test
    void onlyTheEmailIsRequired() {
        Invitation invitation = parse("{\"email\": \"a@b.example\", \"firstName\": null}");
        assertThat(invitation.firstName()).isNull();
        assertThat(invitation.services()).isEmpty();
        assertThat(invitation.customerNumbers()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''|invalid-request",
            "[]|invalid-request",
            "{\"email\": |invalid-request",
            "{}|missing-field",
            "{\"email\": \"\"}|missing-field",
            "{\"email\": 5}|invalid-field",
            "{\"email\": \"no-at-sign\"}|invalid-email",
            "{\"email\": \"a@b.example\", \"realmRoles\": [\"admin\"]}|unknown-field",
            "{\"email\": \"a@b.example\", \"locale\": \"finnish!\"}|invalid-locale",
            "{\"email\": \"a@b.example\", \"services\": \"shop\"}|invalid-field",
            "{\"email\": \"a@b.example\", \"services\": [1]}|invalid-field",
            "{\"email\": \"a@b.example\", \"customerNumbers\": [\"1 2\"]}|invalid-customer-number",
            "{\"email\": \"a@b.example\", \"firstName\": \"a\\u0000b\"}|invalid-field",
            "{\"email\": \"a@b.example\", \"email\": \"c@d.example\"}|duplicate-field",
            "{\"email\": \"a@b.example\", \"firstName\": 5}|invalid-field",
            "{\"email\": \"a@b.example\", \"firstName\": true}|invalid-field",
            "{\"email\": \"a@b.example\", \"firstName\": {}}|invalid-field",
            "{\"email\": [\"a@b.example\"]}|invalid-field",
            "{\"email\": \"a@b.example\", \"services\": [[\"shop\"]]}|invalid-field",
            "{\"email\": \"a@b.example\", \"services\": \"\"}|invalid-field",
            "{\"email\": \"a@b.example\"} {}|invalid-request",
            "{\"email\": \"a@b.example\",}|invalid-request",
            "{\"email\": \"a<b>@c.example\"}|invalid-email",
            "{\"email\": \"a@b.example.\"}|invalid-email"})
    void refusesMalformedInvitations(String body, String code) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> parse(body));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.getMessage()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\": \"a@b.example\", \"email\": \"c@d.example\"}|email",
            "{\"email\": \"a@b.example\", \"lastName\": 5}|lastName",
            "{\"email\": \"a@b.example\", \"customerNumbers\": \"1\"}|customerNumbers",
            "{\"email\": \"a@b.example\", \"realmRoles\": []}|realmRoles"})
    void aRefusalNamesTheField(String body, String field) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> parse(body));
        assertThat(refusal.getMessage()).contains("'" + field + "'");
    }

    @Test
    void refusesOversizeBodiesAndLists() {
        String big = "{\"email\": \"a@b.example\", \"firstName\": \"" + "x".repeat(Invitation.MAX_BODY_BYTES) + "\"}";
        assertThat(catchThrowableOfType(Refusal.class, () -> parse(big)).code()).isEqualTo("payload-too-large");
        String many = "{\"email\": \"a@b.example\", \"services\": [" + String.join(",",
                java.util.Collections.nCopies(Invitation.MAX_SERVICES + 1, "\"s\"")) + "]}";
        assertThat(catchThrowableOfType(Refusal.class, () -> parse(many)).code()).isEqualTo("invalid-field");
    }

    @Test
    void echoesAtMostFortyCharactersOfInput() {
        Refusal refusal = Invitation.malformedCustomerNumber("x".repeat(100));
        assertThat(refusal.getMessage()).doesNotContain("x".repeat(41));
        assertThat(List.of(refusal.status())).containsExactly(400);
    }
}
