package eu.unify.keycloak.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.unify.keycloak.common.json.UnifyJson;

/** The one error body; JAX-RS's Response itself needs a server runtime, so the body is checked as written. */
class ApiErrorsTest {

    @Test
    void anErrorIsACodeAndASentence() {
        assertThat(UnifyJson.write(ApiErrors.body("invalid-field", "'firstName' is not allowed: \"<b>\"")))
                .isEqualTo("{\"error\":\"invalid-field\",\"message\":\"'firstName' is not allowed: \\\"\\u003Cb\\u003E\\\"\"}");
    }

    @Test
    void aReportKeepsItsMembersAfterTheError() {
        record Report(String realm, boolean complete, List<Integer> waves, String error) {
        }
        assertThat(UnifyJson.write(ApiErrors.body("legacy_store_unavailable", "No totals",
                new Report("acme", false, List.of(1, 2), "not this one")))).isEqualTo("{\"error\":\"legacy_store_unavailable\",\"message\":\"No totals\","
                + "\"realm\":\"acme\",\"complete\":false,\"waves\":[1,2]}");
    }

    @Test
    void jsonKeepsNullsAndEscapesWhatBreaksReaders() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", null);
        value.put("b", "x\u2028y\u0001</script>&");
        assertThat(UnifyJson.write(value))
                .isEqualTo("{\"a\":null,\"b\":\"x\\u2028y\\u0001\\u003C/script\\u003E\\u0026\"}");
    }
}
