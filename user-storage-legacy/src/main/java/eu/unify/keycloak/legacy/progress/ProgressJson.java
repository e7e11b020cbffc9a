package eu.unify.keycloak.legacy.progress;

import java.util.List;

/** The progress report as JSON, written by hand so that every field is always present (null when unknown). */
final class ProgressJson {

    /** One legacy store of the realm: whether it answered, and in words why not. */
    record Store(String id, String name, boolean enabled, boolean available, String error) {
    }

    private ProgressJson() {
    }

    /** An account whose mail from the move failed: its user id, username and which mail. */
    record FailedMail(String id, String username, String mail) {
    }

    static String report(String realm, List<Store> stores, List<WaveProgress> waves, WaveProgress totals,
                         List<FailedMail> failedMails, String error, String message) {
        StringBuilder json = new StringBuilder(256 + waves.size() * 96);
        json.append('{');
        if (error != null) {
            json.append("\"error\":").append(string(error)).append(",\"message\":").append(string(message)).append(',');
        }
        json.append("\"realm\":").append(string(realm));
        json.append(",\"complete\":").append(totals.total() != null);
        json.append(",\"stores\":[");
        for (int i = 0; i < stores.size(); i++) {
            Store store = stores.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(string(store.id()))
                    .append(",\"name\":").append(string(store.name()))
                    .append(",\"enabled\":").append(store.enabled())
                    .append(",\"available\":").append(store.available());
            if (store.error() != null) {
                json.append(",\"error\":").append(string(store.error()));
            }
            json.append('}');
        }
        json.append("],\"waves\":[");
        for (int i = 0; i < waves.size(); i++) {
            json.append(i == 0 ? "" : ",");
            counts(json.append("{\"wave\":").append(string(waves.get(i).wave())), waves.get(i)).append('}');
        }
        json.append("],\"totals\":{");
        counts(json.append("\"wave\":null"), totals).append("},\"failedMails\":[");
        for (int i = 0; i < failedMails.size(); i++) {
            FailedMail failed = failedMails.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(string(failed.id()))
                    .append(",\"username\":").append(string(failed.username()))
                    .append(",\"mail\":").append(string(failed.mail())).append('}');
        }
        json.append("]}");
        return json.toString();
    }

    private static StringBuilder counts(StringBuilder json, WaveProgress row) {
        return json.append(",\"total\":").append(row.total())
                .append(",\"disabled\":").append(row.disabled())
                .append(",\"imported\":").append(row.imported())
                .append(",\"moved\":").append(row.moved())
                .append(",\"pending\":").append(row.pending());
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
