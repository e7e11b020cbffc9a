package eu.unify.keycloak.legacy.move;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * Renders the move's pages from this module's theme-resources: {@value #TEMPLATE} (the main account's form) and
 * {@value #INFO_TEMPLATE} (a sub-account is told its main account moves, or the legacy store is unreachable).
 */
final class MovePage {

    static final String TEMPLATE = "unify-legacy-move.ftl";
    static final String INFO_TEMPLATE = "unify-legacy-move-info.ftl";

    static final String FIELD_ACCOUNT = "account-";
    static final String FIELD_EMAIL = "email-";
    static final String FIELD_FORWARD = "forward-";
    static final String FIELD_LATER = "later";
    static final String FIELD_CONTINUE = "continue";
    static final String FIELD_RETRY = "retry";

    private MovePage() {
    }

    /**
     * The form. {@code entries} are the submitted lines (null: first display, prefilled with the accounts' current
     * addresses); {@code problems} the message key per line; {@code pageError} a message about the whole form or null.
     */
    static Response form(LoginFormsProvider form, Company company, WaveSchedule.Status status,
                         LocalDate lastOptionalDay, Locale locale, List<MoveEntry> entries,
                         Map<Integer, String> problems, String pageError) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < company.accounts().size(); i++) {
            CompanyAccount account = company.accounts().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", i);
            line.put("legacyUsername", account.legacyUsername());
            line.put("displayName", account.displayName());
            line.put("main", account.main());
            MoveEntry entry = entries == null ? null : entries.get(i);
            line.put("email", entry == null ? nonNull(account.email()) : nonNull(entry.typedEmail()));
            line.put("forward", entry != null && entry.forward());
            line.put("error", problems.getOrDefault(i, ""));
            accounts.add(line);
        }
        Map<String, Object> bean = new HashMap<>();
        bean.put("accounts", accounts);
        bean.put("mainAccount", company.main().legacyUsername());
        bean.put("mandatory", status == WaveSchedule.Status.MANDATORY);
        bean.put("deadline", status == WaveSchedule.Status.OPTIONAL && lastOptionalDay != null
                ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(lastOptionalDay) : "");
        form.setAttribute("unifyMove", bean);
        if (pageError != null) {
            form.setError(pageError);
        } else if (!problems.isEmpty()) {
            form.setError("unify-legacy-move-error-summary");
        }
        return form.createForm(TEMPLATE);
    }

    /** A sub-account signing in before its main account moved: which account will make the move. */
    static Response subAccount(LoginFormsProvider form, String mainAccount) {
        Map<String, Object> bean = new HashMap<>();
        bean.put("kind", "sub-account");
        bean.put("mainAccount", nonNull(mainAccount));
        form.setAttribute("unifyMoveInfo", bean);
        return form.createForm(INFO_TEMPLATE);
    }

    /** The legacy store did not answer: try again, or (before the deadline) later. */
    static Response unavailable(LoginFormsProvider form, boolean laterAllowed) {
        Map<String, Object> bean = new HashMap<>();
        bean.put("kind", "unavailable");
        bean.put("laterAllowed", laterAllowed);
        form.setAttribute("unifyMoveInfo", bean);
        return form.createForm(INFO_TEMPLATE);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
