package io.camelopenclaw.client.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads UTF-8 JSON (RFC 8259) from a byte range in one forward pass, for the frames the gateway sends. Every byte is
 * checked — structure, string escapes, numbers, literals, UTF-8 (no overlong forms, surrogates or code points past
 * U+10FFFF) — whether a value is read or skipped; the values that are read become the nodes Jackson's tree parser
 * would build. Jackson's default read limits apply (nesting depth, number and string length). Malformed input fails
 * with a {@link JsonParseException} that names the byte offset.
 *
 * <p>
 * It costs less than Jackson's streaming parser (about 5 µs less CPU per run of 24 frames in the peer benchmark, see
 * {@code docs/benchmarks.md}): no parser set-up per frame, no token locations, ASCII strings copied as they are, field
 * names from a shared table of interned names, a known name of up to 16 bytes found and compared eight bytes at a
 * time. Not thread-safe; one instance reads one input.
 */
public final class JsonScanner {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.defaults();
    private static final int MAX_DEPTH = LIMITS.getMaxNestingDepth();
    private static final int MAX_NUMBER_LENGTH = LIMITS.getMaxNumberLength();
    private static final int MAX_STRING_LENGTH = LIMITS.getMaxStringLength();
    private static final int MAX_NAME_LENGTH = LIMITS.getMaxNameLength();
    private static final int MAX_CANONICAL_NAME = 32; // the four words of a Name
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // what a checked string holds, see skipString()
    private static final int ASCII = 0;
    private static final int UTF_8 = 1;
    private static final int ESCAPED = 2;

    /** Bytes that a string holds as they are: printable ASCII except the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    /**
     * Field names seen before, so that the same name is one {@code String}: a fixed table shared by all threads. A
     * racing write only replaces an entry, and an entry's fields are final, so no lock is needed. Its strings are
     * interned: a name the code looks up by a literal is then that very {@code String} (see
     * {@link LazyJsonObject#get}), and a name dropped from the table can still be collected.
     */
    private static final Name[] NAMES = new Name[1024];

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long QUOTES = 0x2222222222222222L;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] bytes;
    private final int end;
    private int pos;
    private int depth;
    /** Whether the next field is the first of the object entered last (no comma before it). */
    private boolean firstField;

    public JsonScanner(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Reads the input's one value as a tree; nothing but whitespace may follow it. */
    public static JsonNode tree(byte[] bytes, int offset, int length) throws JsonParseException {
        JsonScanner in = new JsonScanner(bytes, offset, length);
        JsonNode value = in.readValue();
        in.finish();
        return value;
    }

    /** Where the next value starts (after whitespace), or, after a value was read, where it ended. */
    public int position() throws JsonParseException {
        skipWhitespace();
        return pos;
    }

    /** Whether the next value is an object. */
    public boolean isObjectNext() throws JsonParseException {
        return next() == '{';
    }

    /** Enters an object when the next value is one (returns {@code false} and consumes nothing otherwise). */
    public boolean enterObject() throws JsonParseException {
        if (next() != '{') {
            return false;
        }
        enter();
        firstField = true;
        return true;
    }

    /**
     * The next field name of the object entered last, positioned at its value; {@code null} at the end of the object
     * (then consumed). Every field's value must be read or skipped before the next call.
     */
    public String nextField() throws JsonParseException {
        if (!atFieldName()) {
            return null;
        }
        String name = name();
        skipColon();
        return name;
    }

    /** Reads the next value as a tree. */
    public JsonNode readValue() throws JsonParseException {
        byte c = next();
        if (c == '{') {
            enter();
            ObjectNode object = NODES.objectNode();
            firstField = true;
            for (String name = nextField(); name != null; name = nextField()) {
                object.set(name, readValue());
            }
            return object;
        }
        if (c == '[') {
            enter();
            ArrayNode array = NODES.arrayNode();
            while (nextMember(']', array.isEmpty())) {
                array.add(readValue());
            }
            return array;
        }
        return scalar(c);
    }

    /** Reads the next value when it is a scalar; an object or array is skipped (and checked), giving {@code null}. */
    public JsonNode readScalar() throws JsonParseException {
        byte c = next();
        if (c == '{' || c == '[') {
            skipValue();
            return null;
        }
        return scalar(c);
    }

    /** Skips the next value, checking it as thoroughly as reading it would. */
    public void skipValue() throws JsonParseException {
        byte c = next();
        if (c == '{') {
            enter();
            firstField = true;
            while (skipFieldName()) {
                skipValue();
            }
        } else if (c == '[') {
            enter();
            boolean first = true;
            while (nextMember(']', first)) {
                skipValue();
                first = false;
            }
        } else if (c == '"') {
            pos++;
            skipString();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number(false);
        } else {
            scalar(c); // a literal, whose node is a shared constant (or not a value at all)
        }
    }

    /** Checks that nothing but whitespace follows. */
    public void finish() throws JsonParseException {
        skipWhitespace();
        if (pos < end) {
            throw unexpected("the end of the input");
        }
    }

    // ------------------------------------------------------------------ structure

    private void enter() throws JsonParseException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        pos++;
    }

    /** Like {@link #nextField()} without keeping the name. */
    private boolean skipFieldName() throws JsonParseException {
        if (!atFieldName()) {
            return false;
        }
        pos++;
        skipString();
        skipColon();
        return true;
    }

    /**
     * Moves to the opening quote of the next field name of the object entered last and tells {@code true}, or consumes
     * the object's closing brace and tells {@code false}.
     */
    private boolean atFieldName() throws JsonParseException {
        boolean first = firstField;
        firstField = false;
        if (!nextMember('}', first)) {
            return false;
        }
        if (bytes[pos] != '"') {
            throw unexpected("a field name");
        }
        return true;
    }

    private void skipColon() throws JsonParseException {
        if (next() != ':') {
            throw unexpected("':' after a field name");
        }
        pos++;
    }

    /**
     * Moves to the next member of the object or array entered last, past the comma before it unless it is the
     * {@code first}; at the container's {@code close} (consumed) tells {@code false}.
     */
    private boolean nextMember(char close, boolean first) throws JsonParseException {
        byte c = next();
        if (c == close) {
            pos++;
            depth--;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw unexpected("',' or '" + close + "'");
            }
            pos++;
            next();
        }
        return true;
    }

    /** The next byte after whitespace, not consumed; the end of the input is an error. */
    private byte next() throws JsonParseException {
        skipWhitespace();
        if (pos >= end) {
            throw error("unexpected end of input");
        }
        return bytes[pos];
    }

    private void skipWhitespace() {
        int at = pos;
        while (at < end) {
            byte c = bytes[at];
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
                break;
            }
            at++;
        }
        pos = at;
    }

    // ------------------------------------------------------------------ scalars

    private JsonNode scalar(byte c) throws JsonParseException {
        return switch (c) {
            case '"' -> TextNode.valueOf(string());
            case 't' -> literal("true", BooleanNode.TRUE);
            case 'f' -> literal("false", BooleanNode.FALSE);
            case 'n' -> literal("null", NullNode.getInstance());
            default -> number(true);
        };
    }

    private JsonNode literal(String word, JsonNode node) throws JsonParseException {
        int length = word.length();
        for (int i = 0; i < length; i++) {
            if (pos + i >= end || bytes[pos + i] != word.charAt(i)) {
                pos += i;
                throw unexpected("'" + word + "'");
            }
        }
        pos += length;
        return node;
    }

    /** A number, as a node when {@code build}, else only checked ({@code null}). */
    private JsonNode number(boolean build) throws JsonParseException {
        int start = pos;
        boolean negative = peekIs('-');
        if (negative) {
            pos++;
        }
        int digitsStart = pos;
        long value = 0;
        if (peekIs('0')) {
            pos++;
        } else if (pos < end && bytes[pos] >= '1' && bytes[pos] <= '9') {
            while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
                value = value * 10 + (bytes[pos++] - '0');
            }
        } else {
            throw unexpected(negative ? "a digit" : "a value");
        }
        int digits = pos - digitsStart;
        boolean fraction = peekIs('.');
        if (fraction) {
            pos++;
            digits();
        }
        boolean exponent = peekIs('e') || peekIs('E');
        if (exponent) {
            pos++;
            if (peekIs('+') || peekIs('-')) {
                pos++;
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        if (!build) {
            return null;
        }
        if (fraction || exponent) {
            return DoubleNode.valueOf(Double.parseDouble(ascii(start, pos - start)));
        }
        if (digits <= 18) {
            long signed = negative ? -value : value;
            return signed == (int) signed ? IntNode.valueOf((int) signed) : LongNode.valueOf(signed);
        }
        BigInteger big = new BigInteger(ascii(start, pos - start));
        return big.bitLength() < 64 ? LongNode.valueOf(big.longValue()) : BigIntegerNode.valueOf(big);
    }

    private void digits() throws JsonParseException {
        int start = pos;
        while (pos < end && bytes[pos] >= '0' && bytes[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw unexpected("a digit");
        }
    }

    private boolean peekIs(char c) {
        return pos < end && bytes[pos] == c;
    }

    // ------------------------------------------------------------------ strings

    /** A field name at its opening quote; plain ASCII names come from {@link #NAMES}. */
    private String name() throws JsonParseException {
        int start = pos + 1;
        Name known = knownName(start);
        if (known != null) {
            pos = start + known.length + 1;
            return known.text;
        }
        int at = plainEnd(start);
        int length = at - start;
        if (at < end && bytes[at] == '"' && length > 0 && length <= MAX_CANONICAL_NAME) {
            pos = at + 1;
            return canonicalName(start, length);
        }
        pos = start;
        String name = scanString();
        if (name.length() > MAX_NAME_LENGTH) {
            throw error("field name longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    /**
     * The known name of up to 16 bytes from {@code start} to the next quote, or {@code null}: the bytes are read as the
     * words a {@link Name} keeps and compared as words. What they hold is not checked here: a known name is plain
     * ASCII, so a backslash, a control character or a non-ASCII byte never matches.
     */
    private Name knownName(int start) {
        if (start + Long.BYTES > end) {
            return null;
        }
        long w0 = (long) WORDS.get(bytes, start);
        int n = quoteIn(w0);
        if (n < Long.BYTES) {
            return known(below(w0, n), 0, 0, 0, n);
        }
        if (start + 2 * Long.BYTES > end) {
            return null;
        }
        long w1 = (long) WORDS.get(bytes, start + Long.BYTES);
        n = quoteIn(w1);
        return n < Long.BYTES ? known(w0, below(w1, n), 0, 0, Long.BYTES + n) : null;
    }

    /** The index of the first quote in a word read by {@link #WORDS}, 8 when none. */
    private static int quoteIn(long word) {
        long x = word ^ QUOTES;
        return Long.numberOfTrailingZeros((x - ONES) & ~x & HIGHS) >>> 3; // exact for the first zero byte of x
    }

    /** The first {@code n} (0 to 8) bytes of a word read by {@link #WORDS}, the others zero. */
    private static long below(long word, int n) {
        return n == Long.BYTES ? word : word & ((1L << (n << 3)) - 1);
    }

    /** The known name these bytes are, or {@code null}. */
    private Name find(int start, int length) {
        return known(
                Name.word(bytes, start, length, 0),
                Name.word(bytes, start, length, 1),
                Name.word(bytes, start, length, 2),
                Name.word(bytes, start, length, 3),
                length);
    }

    /** The known name of these words and length, or {@code null}. */
    private static Name known(long w0, long w1, long w2, long w3, int length) {
        Name known = NAMES[Name.slot(w0, w1, w2, w3, length)];
        return known != null && known.is(w0, w1, w2, w3, length) ? known : null;
    }

    /** The shared {@code String} of a plain ASCII name, added to {@link #NAMES} when new. */
    private String canonicalName(int start, int length) {
        Name known = find(start, length);
        if (known != null) {
            return known.text;
        }
        Name name = new Name(bytes, start, length);
        NAMES[Name.slot(name.w0, name.w1, name.w2, name.w3, name.length)] = name;
        return name.text;
    }

    /** A field name of up to 32 bytes, and its bytes as four little-endian words, zero past its end. */
    private static final class Name {
        private final long w0;
        private final long w1;
        private final long w2;
        private final long w3;
        private final int length;
        private final String text;

        private Name(byte[] bytes, int start, int length) {
            this.w0 = word(bytes, start, length, 0);
            this.w1 = word(bytes, start, length, 1);
            this.w2 = word(bytes, start, length, 2);
            this.w3 = word(bytes, start, length, 3);
            this.length = length;
            this.text = new String(bytes, start, length, StandardCharsets.ISO_8859_1).intern();
        }

        private boolean is(long v0, long v1, long v2, long v3, int n) {
            return w0 == v0 && w1 == v1 && w2 == v2 && w3 == v3 && length == n;
        }

        static int slot(long v0, long v1, long v2, long v3, int n) {
            long hash = (v0 * 0x9E3779B97F4A7C15L)
                    ^ (v1 * 0xC2B2AE3D27D4EB4FL)
                    ^ (v2 * 0x165667B19E3779F9L)
                    ^ (v3 * 0x27D4EB2F165667C5L)
                    ^ n;
            return (int) ((hash * 0x9E3779B97F4A7C15L) >>> 54); // the top 10 bits: NAMES has 1024 slots
        }

        /** Word {@code i} of the {@code length} bytes from {@code start}: eight of them, zero past their end. */
        static long word(byte[] bytes, int start, int length, int i) {
            int from = start + i * Long.BYTES;
            int count = Math.min(Long.BYTES, length - i * Long.BYTES);
            if (count <= 0) {
                return 0;
            }
            if (from + Long.BYTES <= bytes.length) {
                return below((long) WORDS.get(bytes, from), count);
            }
            long word = 0;
            for (int j = count - 1; j >= 0; j--) {
                word = word << 8 | (bytes[from + j] & 0xFF);
            }
            return word;
        }
    }

    /** A string value at its opening quote. */
    private String string() throws JsonParseException {
        pos++;
        String text = scanString();
        if (text.length() > MAX_STRING_LENGTH) {
            throw error("string longer than " + MAX_STRING_LENGTH + " characters");
        }
        return text;
    }

    /** Reads a string whose opening quote is consumed, up to and including its closing quote. */
    private String scanString() throws JsonParseException {
        int start = pos;
        int content = skipString();
        int length = pos - 1 - start;
        return switch (content) {
            case ASCII -> ascii(start, length);
            case UTF_8 -> new String(bytes, start, length, StandardCharsets.UTF_8);
            default -> unescape(start, pos - 1);
        };
    }

    /**
     * Checks a string whose opening quote is consumed, up to and including its closing quote, and tells what it holds:
     * {@link #ASCII}, {@link #UTF_8} (multi-byte characters, no escapes) or {@link #ESCAPED}.
     */
    private int skipString() throws JsonParseException {
        int content = ASCII;
        while (true) {
            pos = plainEnd(pos);
            if (pos >= end) {
                throw error("unexpected end of input in a string");
            }
            byte c = bytes[pos];
            if (c == '"') {
                pos++;
                return content;
            }
            if (c == '\\') {
                skipEscape();
                content = ESCAPED;
            } else if (c < 0) {
                pos += utf8Length(pos);
                content = Math.max(content, UTF_8);
            } else {
                throw error("control character (code " + c + ") in a string");
            }
        }
    }

    /** Where the run of {@link #PLAIN} bytes from {@code from} ends. */
    private int plainEnd(int from) {
        byte[] in = bytes;
        int limit = end;
        int at = from;
        while (at < limit && PLAIN[in[at] & 0xFF]) {
            at++;
        }
        return at;
    }

    /** Checks the escape at {@code pos} (its backslash) and consumes it. */
    private void skipEscape() throws JsonParseException {
        pos++;
        if (pos >= end) {
            throw error("unexpected end of input in an escape");
        }
        byte c = bytes[pos++];
        if (c == 'u') {
            for (int i = 0; i < 4; i++, pos++) {
                if (pos >= end || Character.digit(bytes[pos], 16) < 0) {
                    throw unexpected("a hex digit of a \\u escape");
                }
            }
        } else if ("\"\\/bfnrt".indexOf(c) < 0) {
            pos--;
            throw unexpected("an escape character");
        }
    }

    /** Decodes a checked string that holds escapes, from {@code from} to its closing quote at {@code to}. */
    private String unescape(int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int run = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] != '\\') {
                continue;
            }
            text.append(new String(bytes, run, i - run, StandardCharsets.UTF_8));
            byte c = bytes[++i];
            if (c == 'u') {
                text.append((char) Integer.parseInt(ascii(i + 1, 4), 16));
                i += 4;
            } else {
                text.append(
                        switch (c) {
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> (char) c; // '"', '\\' and '/' stand for themselves
                        });
            }
            run = i + 1;
        }
        return text.append(new String(bytes, run, to - run, StandardCharsets.UTF_8))
                .toString();
    }

    /** The length of the multi-byte UTF-8 sequence at {@code at}, after checking that it is well-formed. */
    private int utf8Length(int at) throws JsonParseException {
        int lead = bytes[at] & 0xFF;
        int length;
        int min;
        int codePoint;
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
            codePoint = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
            codePoint = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
            codePoint = lead & 0x07;
        } else {
            throw error("invalid UTF-8 start byte 0x" + Integer.toHexString(lead));
        }
        if (at + length > end) {
            throw error("unexpected end of input in a UTF-8 sequence");
        }
        for (int i = 1; i < length; i++) {
            int next = bytes[at + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                throw error("invalid UTF-8 continuation byte 0x" + Integer.toHexString(next));
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        if (codePoint < min || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            throw error("invalid UTF-8 sequence (overlong, surrogate or past U+10FFFF)");
        }
        return length;
    }

    private String ascii(int start, int length) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ errors

    private JsonParseException unexpected(String expected) {
        if (pos >= end) {
            return error("unexpected end of input (expected " + expected + ")");
        }
        int c = bytes[pos] & 0xFF;
        String shown = c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c);
        return error("unexpected " + shown + " (expected " + expected + ")");
    }

    private JsonParseException error(String what) {
        return new JsonParseException(null, what + " at byte " + pos);
    }
}
