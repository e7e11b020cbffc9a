package eu.unify.keycloak.entitlements.model;

import java.util.List;

/**
 * The JSON body of an invitation as it arrives, bound by Jackson ({@link Invitation#parse(byte[])}): exactly these
 * fields, each once, strings as strings and lists as lists of strings. Absent fields are null.
 */
public record InvitationRequest(String email, String firstName, String lastName, String locale, List<String> services,
        List<String> customerNumbers) {

    /** The fields in the order they are documented; a list field holds strings. */
    static final List<String> FIELDS = List.of("email", "firstName", "lastName", "locale", "services",
            "customerNumbers");

    static boolean isList(String field) {
        return "services".equals(field) || "customerNumbers".equals(field);
    }
}
