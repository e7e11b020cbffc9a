package eu.unify.keycloak.audit.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** What leaves a record (allow list, masking) and the forms it is written in (JSON, CSV, the details column). */
class RecordFormsTest {

    @Test
    void onlyAllowedDetailsAreKept() {
        Map<String, String> details = new HashMap<>();
        details.put("auth_method", "openid-connect");
        details.put("code_id", "a-code");
        details.put("token_id", "a-token");
        details.put("refresh_token_id", "another");
        details.put("password", "Kesä-salasana-2026");
        details.put("unify_code", "ABC123");
        details.put("reason", "");
        details.put("username", "anna");
        details.put(null, "x");
        assertThat(DetailAllowList.filter(details)).containsExactly(Map.entry("auth_method", "openid-connect"));
        assertThat(DetailAllowList.filter(null)).isEmpty();
    }

    @Test
    void detailsFitTheColumn() {
        Map<String, String> details = new HashMap<>();
        details.put("reason", "€".repeat(1000));
        details.put("email", "€".repeat(1000));
        details.put("updated_email", "€".repeat(1000));
        String encoded = DetailsCodec.encode(DetailAllowList.filter(details));
        assertThat(encoded.length()).isLessThanOrEqualTo(DetailAllowList.MAX_ENCODED_LENGTH);
    }

    @Test
    void detailsAreFormEncodedAsUrlEncoderWouldAndSortedByKey() {
        Map<String, String> details = new HashMap<>();
        details.put("reason", "a b&c=d%e+f/ä€\u0000~!'()");
        details.put("auth_method", "openid-connect");
        details.put("grant_type", "authorization_code");
        details.put("email", "Anna.Virtanen-2*x_y@example.com");

        String expected = "auth_method=openid-connect"
                + "&email=" + URLEncoder.encode("Anna.Virtanen-2*x_y@example.com", StandardCharsets.UTF_8)
                + "&grant_type=authorization_code"
                + "&reason=" + URLEncoder.encode("a b&c=d%e+f/ä€\u0000~!'()", StandardCharsets.UTF_8);
        assertThat(DetailsCodec.encode(details)).isEqualTo(expected);
        assertThat(DetailsCodec.encode(new TreeMap<>(details))).isEqualTo(expected);
        assertThat(DetailsCodec.encodedLength("reason", details.get("reason")))
                .isEqualTo(("reason=" + URLEncoder.encode(details.get("reason"), StandardCharsets.UTF_8)).length());
    }

    @Test
    void detailsColumnRoundTrips() {
        Map<String, String> details = Map.of("reason", "a=b&c d", "email", "ä@example.com");
        assertThat(DetailsCodec.decode(DetailsCodec.encode(details))).isEqualTo(details);
        assertThat(DetailsCodec.decode(null)).isEmpty();
        assertThat(DetailsCodec.encode(Map.of())).isEmpty();
    }

    @Test
    void jsonEscapes() {
        AuditRecord record = AuditRecord.unchained("i", "r", 0, "USER", "LOGIN_ERROR", "invalid_user_credentials",
                null, "\"quoted\"\\\n\u0001", null, null, null, null, null, Map.of("reason", "x\ty"))
                .chained(1, AuditChain.GENESIS);
        String json = AuditJson.of(record);
        assertThat(json).contains("\"username\":\"\\\"quoted\\\"\\\\\\n\\u0001\"")
                .contains("\"time\":\"1970-01-01T00:00:00Z\"")
                .contains("\"userId\":null")
                .contains("\"details\":{\"reason\":\"x\\ty\"}")
                .contains("\"seq\":1,")
                .doesNotContain("\n");
    }

    @Test
    void csvQuotesEveryFieldAndDoublesQuotes() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
        assertThat(AuditCsv.cell("")).isEqualTo("\"\"");
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        String row = AuditCsv.row(Records.chain(1).get(0));
        assertThat(row).endsWith("\r\n")
                .startsWith("\"1\",\"2023-11-14T22:13:20.001Z\",\"USER\",\"LOGIN\",\"SUCCESS\",\"\",\"user-1\",");
        assertThat(AuditCsv.header()).startsWith("\"seq\",\"time\",\"kind\",\"type\"");
    }

    @Test
    void csvNeutralisesAFormulaAtTheStartOfACell() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditCsv.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("\"'\t'=1\"");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r'=1\"");
        assertThat(AuditCsv.cell("\uFF1D1+1")).as("full-width equals sign").isEqualTo("\"'\uFF1D1+1\"");
        // Spaces and quote marks in front do not hide the trigger.
        assertThat(AuditCsv.cell("  =1+1")).isEqualTo("\"'  =1+1\"");
        assertThat(AuditCsv.cell("\"=1+1\"")).isEqualTo("\"'\"\"=1+1\"\"\"");
        assertThat(AuditCsv.cell("'=1+1")).as("one apostrophe more").isEqualTo("\"''=1+1\"");
    }

    @Test
    void csvNeutralisesAFormulaAfterEveryCommonSeparator() {
        // The payload: Excel in Finnish, German or Slovenian splits on ';' and would run the middle piece.
        String semicolon = "x;=cmd|' /C calc'!A0;y";
        assertThat(AuditCsv.neutralise(semicolon)).isEqualTo("x;'=cmd|' /C calc'!A0;y");
        assertThat(AuditCsv.cell(semicolon)).isEqualTo("\"x;'=cmd|' /C calc'!A0;y\"");
        assertThat(AuditCsv.neutralise("x,=cmd|' /C calc'!A0,y")).isEqualTo("x,'=cmd|' /C calc'!A0,y");
        assertThat(AuditCsv.neutralise("x\t=cmd|' /C calc'!A0\ty")).isEqualTo("x\t'=cmd|' /C calc'!A0\ty");
        assertThat(AuditCsv.neutralise("x\n@SUM(A1)")).isEqualTo("x\n'@SUM(A1)");
        assertThat(AuditCsv.neutralise("a; \"+1\"; b")).isEqualTo("a;' \"+1\"; b");
        assertThat(AuditCsv.neutralise("a;;-2")).isEqualTo("a;;'-2");

        // What stays as it was: no trigger at a piece's start.
        for (String harmless : List.of("anna.virtanen@example.com", "Virtanen; Anna", "a=b,c=d", "2026-12-07",
                "x;y=z", "O'Brien, Seán")) {
            assertThat(AuditCsv.neutralise(harmless)).as(harmless).isEqualTo(harmless);
        }
    }

    @Test
    void csvPiecesSplitOnAnySeparatorNeverStartAFormula() {
        String[] payloads = {"x;=cmd|' /C calc'!A0;y", "x,=cmd|' /C calc'!A0,y", "x\t=cmd|' /C calc'!A0\ty",
                "a;\"=1\";+2,\t@3\n-4", " ; '=5"};
        for (String payload : payloads) {
            String cell = AuditCsv.cell(payload);
            // Read as a spreadsheet set to any separator would: the field's quotes taken off or left on, then split.
            String unquoted = cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
            for (String text : List.of(cell, unquoted)) {
                for (String piece : text.split("[,;\t\r\n]", -1)) {
                    String start = piece.replaceFirst("^[ \u00A0\"]+", "");
                    assertThat(start).as("piece of %s", payload).doesNotMatch("(?s)^[=+\\-@].*");
                }
            }
        }
    }
}
