package eu.unify.keycloak.audit.console;

import java.util.List;

import org.keycloak.component.ComponentValidationException;

import eu.unify.keycloak.audit.listener.AuditRetention;

/**
 * The tab's "Retention (days)" field as the console sends it: empty (the server default) or a whole number of days
 * from 0 (forever) to {@link AuditRetention#maxDays()}. Failures are message keys with parameters; Keycloak's
 * component endpoint formats them in the admin's language and answers 400, which the console shows.
 */
final class RetentionField {

    static final String INVALID = "unify-audit-retention-invalid";
    static final String DUPLICATE = "unify-audit-retention-duplicate";
    static final String NOT_REALM = "unify-audit-retention-not-realm";

    private RetentionField() {
    }

    /** The field's days, null when empty; throws if the values are not one retention. */
    static Integer check(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        String value = values.get(0);
        boolean empty = value == null || value.isBlank();
        Integer days = empty ? null : AuditRetention.parse(value);
        if (values.size() > 1 || !empty && days == null) {
            // As text: MessageFormat would group the digits of a number (36,500).
            throw new ComponentValidationException(INVALID, String.valueOf(AuditRetention.maxDays()));
        }
        return days;
    }
}
