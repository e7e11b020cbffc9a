package eu.unify.keycloak.entitlements.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A company admin's invitation of a new member, read strictly from its JSON body: unknown fields, wrong types,
 * oversize bodies and malformed values are refused (400) with a message that names the field.
 */
public record Invitation(String email, String firstName, String lastName, String locale, List<String> services,
        List<String> customerNumbers) {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_SERVICES = 50;
    public static final int MAX_CUSTOMER_NUMBERS = 200;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 100;
    private static final int MAX_CLIENT_ID = 255;
    private static final Set<String> FIELDS = Set.of("email", "firstName", "lastName", "locale", "services",
            "customerNumbers");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Invitation {
        services = List.copyOf(services);
        customerNumbers = List.copyOf(customerNumbers);
    }

    public static Invitation parse(String body) {
        if (body == null || body.isBlank()) {
            throw Refusal.invalid("invalid-request", "The request body is empty; send the invitation as JSON.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw Refusal.invalid("payload-too-large",
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw Refusal.invalid("invalid-request", "The request body is not valid JSON.");
        } catch (IOException e) {
            throw Refusal.invalid("invalid-request", "The request body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw Refusal.invalid("invalid-request", "The request body must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw Refusal.invalid("unknown-field", "Unknown field '" + shorten(name) + "'. Allowed: " + FIELDS + ".");
            }
        }
        String email = text(root, "email", MAX_EMAIL, true);
        if (!EMAIL.matcher(email).matches()) {
            throw Refusal.invalid("invalid-email", "'email' is not an email address.");
        }
        String locale = text(root, "locale", 16, false);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            throw Refusal.invalid("invalid-locale", "'locale' must be a language tag such as en, fi, de or sl.");
        }
        List<String> services = strings(root, "services", MAX_SERVICES, MAX_CLIENT_ID);
        List<String> numbers = strings(root, "customerNumbers", MAX_CUSTOMER_NUMBERS, MAX_CLIENT_ID);
        for (String number : numbers) {
            if (!CustomerNumber.isWellFormed(number)) {
                throw malformedCustomerNumber(number);
            }
        }
        return new Invitation(email.toLowerCase(Locale.ROOT), text(root, "firstName", MAX_NAME, false),
                text(root, "lastName", MAX_NAME, false), locale, services, numbers);
    }

    public static Refusal malformedCustomerNumber(String number) {
        return Refusal.invalid("invalid-customer-number", "'" + shorten(number) + "' is not a customer number: use 1 to "
                + CustomerNumber.MAX_LENGTH + " letters, digits and inner dashes.");
    }

    private static String text(JsonNode root, String field, int maxLength, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw Refusal.invalid("missing-field", "'" + field + "' is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw Refusal.invalid("invalid-field", "'" + field + "' must be a string.");
        }
        String value = node.textValue().trim();
        if (value.isEmpty()) {
            if (required) {
                throw Refusal.invalid("missing-field", "'" + field + "' is required.");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw Refusal.invalid("invalid-field", "'" + field + "' is longer than " + maxLength + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("invalid-field", "'" + field + "' contains control characters.");
        }
        return value;
    }

    private static List<String> strings(JsonNode root, String field, int maxItems, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Refusal.invalid("invalid-field", "'" + field + "' must be an array of strings.");
        }
        if (node.size() > maxItems) {
            throw Refusal.invalid("invalid-field", "'" + field + "' has more than " + maxItems + " entries.");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().isBlank() || item.textValue().length() > maxLength) {
                throw Refusal.invalid("invalid-field", "'" + field + "' must hold non-empty strings of at most "
                        + maxLength + " characters.");
            }
            values.add(item.textValue().trim());
        }
        return new ArrayList<>(values);
    }

    /** Echoes at most 40 characters of caller input in a message. */
    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
