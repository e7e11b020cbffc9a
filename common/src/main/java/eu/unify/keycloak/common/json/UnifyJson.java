package eu.unify.keycloak.common.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one way Unify writes JSON: Jackson (which Keycloak ships), one mapper for every module. Unlike Keycloak's
 * {@code JsonSerialization} it keeps null members ({@code "error":null}): Unify's answers and records always carry
 * every field. Besides JSON's own escapes it writes {@code < > &} and the line separators U+2028/U+2029 as
 * {@code \\uXXXX}, so a value can never close a script or HTML element a reader pastes it into, nor break a
 * JavaScript reader of a log line.
 */
public final class UnifyJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new SafeEscapes());
    }

    private UnifyJson() {
    }

    /** {@code value} (a record, map, list, node...) as one line of JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty JSON object to fill member by member, in order. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} as a JSON tree: records and maps become objects. */
    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static final class SafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        SafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
