package eu.unify.keycloak.entitlements.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * A company admin's invitation of a new member, read strictly from its JSON body: Jackson binds it to
 * {@link InvitationRequest} refusing unknown and repeated fields, wrong types and trailing content; then the values
 * are checked. Every refusal is a 400 whose message names the field. The realm's own rules for names and addresses
 * (its user profile) are applied where the account is created.
 */
public record Invitation(String email, String firstName, String lastName, String locale, List<String> services,
        List<String> customerNumbers) {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_SERVICES = 50;
    public static final int MAX_CUSTOMER_NUMBERS = 200;
    private static final int MAX_NAME = 100;
    private static final int MAX_CLIENT_ID = 255;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** Strict binding: no field twice, no unknown field, no number or boolean taken for a string, nothing after. */
    private static final ObjectReader READER = strictMapper().readerFor(InvitationRequest.class);

    public Invitation {
        services = List.copyOf(services);
        customerNumbers = List.copyOf(customerNumbers);
    }

    private static JsonMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.Array, CoercionInputShape.Object)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /** Reads the body (at most {@link #MAX_BODY_BYTES}; the caller reads one byte more to tell an oversize body). */
    public static Invitation parse(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw Refusal.invalid("invalid-request", "The request body is empty; send the invitation as JSON.");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw Refusal.invalid("payload-too-large", "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        InvitationRequest request;
        try {
            request = READER.readValue(body);
        } catch (IOException e) {
            throw refusalOf(e);
        }
        if (request == null) {
            throw Refusal.invalid("invalid-request", "The request body must be a JSON object.");
        }
        return of(request);
    }

    /** Checks the values of a bound request. */
    static Invitation of(InvitationRequest request) {
        String email = text("email", request.email(), EmailAddress.MAX_LENGTH, true);
        if (!EmailAddress.isPlain(email)) {
            throw Refusal.invalid("invalid-email", "'email' is not a plain email address (name@example.com; no spaces, "
                    + "quotes, angle brackets or non-ASCII characters, no dot at the end).");
        }
        String locale = text("locale", request.locale(), 16, false);
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            throw Refusal.invalid("invalid-locale", "'locale' must be a language tag such as en, fi, de or sl.");
        }
        List<String> services = strings("services", request.services(), MAX_SERVICES, MAX_CLIENT_ID);
        List<String> numbers = strings("customerNumbers", request.customerNumbers(), MAX_CUSTOMER_NUMBERS,
                MAX_CLIENT_ID);
        for (String number : numbers) {
            if (!CustomerNumber.isWellFormed(number)) {
                throw malformedCustomerNumber(number);
            }
        }
        return new Invitation(email.toLowerCase(Locale.ROOT), text("firstName", request.firstName(), MAX_NAME, false),
                text("lastName", request.lastName(), MAX_NAME, false), locale, services, numbers);
    }

    public static Refusal malformedCustomerNumber(String number) {
        return Refusal.invalid("invalid-customer-number", "'" + shorten(number) + "' is not a customer number: use 1 to "
                + CustomerNumber.MAX_LENGTH + " letters, digits and inner dashes.");
    }

    /** The refusal of a body Jackson could not bind, naming the field where there is one. */
    private static Refusal refusalOf(IOException e) {
        if (e instanceof JsonParseException parse) {
            var duplicate = DUPLICATE.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                return Refusal.invalid("duplicate-field", "'" + shorten(duplicate.group(1)) + "' is given more than once.");
            }
            return Refusal.invalid("invalid-request", "The request body is not valid JSON.");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Refusal.invalid("unknown-field", "Unknown field '" + shorten(unknown.getPropertyName())
                    + "'. Allowed: " + InvitationRequest.FIELDS + ".");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = field(mismatch);
            if (field == null) {
                return Refusal.invalid("invalid-request", "The request body must be one JSON object.");
            }
            return Refusal.invalid("invalid-field", InvitationRequest.isList(field)
                    ? "'" + field + "' must be an array of strings."
                    : "'" + field + "' must be a string.");
        }
        if (e instanceof JsonProcessingException) {
            return Refusal.invalid("invalid-request", "The request body is not valid JSON.");
        }
        return Refusal.invalid("invalid-request", "The request body could not be read.");
    }

    /** The top-level field the error is in, or null when it is about the body as a whole. */
    private static String field(JsonMappingException e) {
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null && InvitationRequest.FIELDS.contains(reference.getFieldName())) {
                return reference.getFieldName();
            }
        }
        return null;
    }

    private static String text(String field, String raw, int maxLength, boolean required) {
        String value = raw == null ? "" : raw.trim();
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

    private static List<String> strings(String field, List<String> raw, int maxItems, int maxLength) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > maxItems) {
            throw Refusal.invalid("invalid-field", "'" + field + "' has more than " + maxItems + " entries.");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String item : raw) {
            if (item == null || item.isBlank() || item.length() > maxLength) {
                throw Refusal.invalid("invalid-field", "'" + field + "' must hold non-empty strings of at most "
                        + maxLength + " characters.");
            }
            values.add(item.trim());
        }
        return new ArrayList<>(values);
    }

    /** Echoes at most 40 characters of caller input in a message. */
    static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
