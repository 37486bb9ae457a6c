package io.camelopenclaw.client.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing the JSON of gateway frames: payloads as plain Java values ({@link #toJava}), optional fields
 * read without ceremony ({@link #text}, {@link #number}, ...), and the one lenient Jackson mapper behind it all.
 * Payloads the client hands out ({@code GatewayEvent.payload()}, request results) are Jackson trees; this is the
 * public way to turn them into Maps, Lists and scalars.
 */
public final class JsonValues {

    /** Lenient on input (unknown fields are ignored), used for every frame. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonValues() {}

    /**
     * A tree as plain Java values: objects become {@code Map<String, Object>} (in field order), arrays {@code List},
     * and text, numbers, booleans and null their Java counterparts.
     */
    public static Object toJava(JsonNode node) {
        return node == null ? null : MAPPER.convertValue(node, Object.class);
    }

    /** A JSON object as a map of plain Java values; empty for {@code null} or non-objects. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return node == null || !node.isObject() ? Map.of() : (Map<String, Object>) toJava(node);
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses JSON text. */
    public static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** A tree as indented JSON text. */
    public static String pretty(JsonNode node) throws JsonProcessingException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** A tree as UTF-8 JSON text. */
    public static byte[] utf8(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a Map, POJO, JSON text or JsonNode to an object node; {@code null} gives an empty object. */
    public static ObjectNode toObject(Object value) {
        if (value == null) {
            return MAPPER.createObjectNode();
        }
        JsonNode node;
        if (value instanceof JsonNode n) {
            node = n;
        } else if (value instanceof CharSequence s) {
            try {
                node = s.toString().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(s.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("params are not valid JSON: " + e.getOriginalMessage(), e);
            }
        } else {
            node = MAPPER.valueToTree(value);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("params must be a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /** A text field or {@code null} (also for JSON null). */
    public static String text(JsonNode node, String field) {
        return textOf(node == null ? null : node.get(field));
    }

    /** A numeric field or {@code null}. */
    public static Long number(JsonNode node, String field) {
        return numberOf(node == null ? null : node.get(field));
    }

    /** A double field or {@code null}. */
    public static Double decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** A boolean field or {@code null}. */
    public static Boolean bool(JsonNode node, String field) {
        return boolOf(node == null ? null : node.get(field));
    }

    /** A value as {@link #text} reads it. */
    public static String textOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A value as {@link #number} reads it. */
    public static Long numberOf(JsonNode value) {
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** A value as {@link #bool} reads it. */
    static Boolean boolOf(JsonNode value) {
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    /** The texts of an array field; {@code null} when the field is absent. */
    public static List<String> texts(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        v.forEach(e -> out.add(e.asText()));
        return out;
    }
}
