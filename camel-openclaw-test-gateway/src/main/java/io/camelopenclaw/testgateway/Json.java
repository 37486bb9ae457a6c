package io.camelopenclaw.testgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The gateway's single Jackson setup: tree helpers for rare frames, a streaming UTF-8 writer for hot ones. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** Writes one JSON value with a streaming generator. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static final int INITIAL_OUTPUT = 2048;
    private static final ThreadLocal<OutputBuffer> OUTPUT = ThreadLocal.withInitial(OutputBuffer::new);

    /** A thread's reusable output of {@link #stream(Body)}; a stream inside another one gets a fresh one. */
    private static final class OutputBuffer {
        final ByteArrayBuilder bytes = new ByteArrayBuilder(INITIAL_OUTPUT);
        boolean inUse;
    }

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ArrayNode array(Iterable<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams one value straight to UTF-8, without building a tree or a string. */
    static byte[] stream(Body body) {
        OutputBuffer buffer = OUTPUT.get();
        if (buffer.inUse) {
            return stream(body, new ByteArrayBuilder(INITIAL_OUTPUT));
        }
        buffer.inUse = true;
        try {
            return stream(body, buffer.bytes);
        } finally {
            buffer.bytes.reset();
            buffer.inUse = false;
        }
    }

    private static byte[] stream(Body body, ByteArrayBuilder out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON string literal for a value, quotes included. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"').toString();
    }

    /** Text of a field when it is a string, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
