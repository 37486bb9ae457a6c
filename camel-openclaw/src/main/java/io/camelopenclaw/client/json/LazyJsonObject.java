package io.camelopenclaw.client.json;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON object read in one streaming pass: its own fields are at hand at once, while a nested object or array is
 * only checked by the pass (every token is still read and validated) and becomes a tree when first asked for. The
 * gateway's run events carry their text and outcome in top-level fields and repeat larger nested values (the message
 * snapshot, the agent stream's data) that most events never need as trees. The whole object is parsed into a tree
 * only when {@link #tree()} is called. Not safe for concurrent first reads of the same nested field (each reader then
 * parses its own copy, which is harmless).
 */
public final class LazyJsonObject {

    /** No fields; {@link #tree()} is {@code null}. */
    public static final LazyJsonObject EMPTY = new LazyJsonObject(null, null, 0, 0, new String[0], new Object[0], 0);

    private final byte[] bytes;
    private final int start;
    private final int end;
    private final String[] names;
    /** Per field: a {@link JsonNode}, or the {@link Slice} of a nested value not parsed yet. */
    private final Object[] values;

    private final int size;
    private volatile JsonNode tree;

    private LazyJsonObject(JsonNode tree, byte[] bytes, int start, int end, String[] names, Object[] values, int size) {
        this.tree = tree;
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /** Over a parsed tree ({@code null} gives {@link #EMPTY}); fields of a non-object are absent. */
    public static LazyJsonObject of(JsonNode tree) {
        return tree == null ? EMPTY : new LazyJsonObject(tree, null, 0, 0, null, null, 0);
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token, up to its {@code END_OBJECT}.
     *
     * @param bytes  the parser's input, kept for the nested values: it must not change afterwards
     * @param offset where the parser's input starts in {@code bytes}
     */
    public static LazyJsonObject read(JsonParser parser, byte[] bytes, int offset) throws IOException {
        int objectStart = offset + (int) parser.currentTokenLocation().getByteOffset();
        String[] names = new String[8];
        Object[] values = new Object[8];
        int size = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Object value;
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                int from = offset + (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                value = new Slice(from, offset + (int) parser.currentLocation().getByteOffset());
            } else {
                value = scalar(parser, token);
            }
            int at = indexOf(names, size, name);
            if (at < 0) {
                if (size == names.length) {
                    names = Arrays.copyOf(names, size * 2);
                    values = Arrays.copyOf(values, size * 2);
                }
                at = size++;
                names[at] = name;
            }
            values[at] = value; // a repeated name keeps its last value, as a tree would
        }
        int objectEnd = offset + (int) parser.currentLocation().getByteOffset();
        return new LazyJsonObject(null, bytes, objectStart, objectEnd, names, values, size);
    }

    /** The field's value ({@code null} when absent); a nested value is parsed on its first read. */
    public JsonNode get(String field) {
        JsonNode whole = tree;
        if (names == null) {
            return whole == null ? null : whole.get(field);
        }
        int at = indexOf(names, size, field);
        if (at < 0) {
            return null;
        }
        Object value = values[at];
        if (value instanceof Slice slice) {
            JsonNode parsed = slice.parse(bytes);
            values[at] = parsed;
            return parsed;
        }
        return (JsonNode) value;
    }

    /** The field's value, or a missing node when absent. */
    public JsonNode path(String field) {
        JsonNode value = get(field);
        return value == null ? MissingNode.getInstance() : value;
    }

    /** Whether the field is present and not JSON {@code null}. */
    public boolean hasNonNull(String field) {
        JsonNode value = get(field);
        return value != null && !value.isNull();
    }

    /** A field as text, as {@link JsonValues#text} reads it. */
    public String text(String field) {
        return JsonValues.textOf(get(field));
    }

    /** A numeric field, as {@link JsonValues#number} reads it. */
    public Long number(String field) {
        return JsonValues.numberOf(get(field));
    }

    /** A boolean field, as {@link JsonValues#bool} reads it. */
    public Boolean bool(String field) {
        return JsonValues.boolOf(get(field));
    }

    /** The whole value as a tree, parsed on the first call; {@code null} for {@link #EMPTY}. */
    public JsonNode tree() {
        JsonNode whole = tree;
        if (whole == null && bytes != null) {
            whole = new Slice(start, end).parse(bytes);
            tree = whole;
        }
        return whole;
    }

    @Override
    public String toString() {
        JsonNode whole = tree();
        return whole == null ? "null" : whole.toString();
    }

    private static int indexOf(String[] names, int size, String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A scalar as the node a tree would hold. */
    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT ->
                parser.getNumberType() == JsonParser.NumberType.INT
                        ? IntNode.valueOf(parser.getIntValue())
                        : parser.getNumberType() == JsonParser.NumberType.LONG
                                ? LongNode.valueOf(parser.getLongValue())
                                : parser.readValueAsTree();
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(parser.getDoubleValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> throw new IOException("unexpected token " + token);
        };
    }

    /** The bytes of a nested value not parsed yet. */
    private record Slice(int from, int to) {
        JsonNode parse(byte[] bytes) {
            try {
                return JsonValues.parse(bytes, from, to - from);
            } catch (IOException e) {
                throw new IllegalStateException("JSON that passed the streaming read failed to parse: " + e, e);
            }
        }
    }
}
