package io.camelopenclaw.client.json;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A JSON object read in one pass of a {@link JsonScanner}: its own fields are at hand at once, while a nested object or
 * array is only checked by the pass (every byte of it is still validated) and becomes a tree when first asked for. The
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
     * Reads the object that is the scanner's next value, up to its closing brace.
     *
     * @param bytes the scanner's input, kept for the nested values: it must not change afterwards
     */
    public static LazyJsonObject read(JsonScanner in, byte[] bytes) throws IOException {
        int objectStart = in.position();
        if (!in.enterObject()) {
            throw new IllegalArgumentException("the next value is not an object");
        }
        String[] names = new String[8];
        Object[] values = new Object[8];
        int size = 0;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            int valueStart = in.position();
            JsonNode scalar = in.readScalar();
            Object value = scalar != null ? scalar : new Slice(valueStart, in.position());
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }
        return new LazyJsonObject(null, bytes, objectStart, in.position(), names, values, size);
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

    /** The last field of that name, or -1: a repeated name keeps its last value, as a tree would. */
    private static int indexOf(String[] names, int size, String name) {
        int hash = name.hashCode();
        for (int i = size - 1; i >= 0; i--) {
            String candidate = names[i];
            if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
                return i;
            }
        }
        return -1;
    }

    /** The bytes of a nested value not parsed yet. */
    private record Slice(int from, int to) {
        JsonNode parse(byte[] bytes) {
            try {
                return JsonScanner.tree(bytes, from, to - from);
            } catch (IOException e) {
                throw new IllegalStateException("JSON that passed the streaming read failed to parse: " + e, e);
            }
        }
    }
}
