package io.camelopenclaw.testgateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Static payload parts recorded from real gateways ({@code protocol-v4.json} from 2026.9.6, {@code protocol-v3.json}
 * from 2026.3.13): health snapshot, presence entry, session rows, defaults. Callers copy a template and overwrite
 * the live values, which keeps the recorded field order.
 */
final class ProtocolTemplates {

    private final JsonNode root;

    private ProtocolTemplates(JsonNode root) {
        this.root = root;
    }

    static ProtocolTemplates load(int protocol) {
        String resource = "protocol-v" + protocol + ".json";
        try (InputStream in = ProtocolTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new ProtocolTemplates(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh copy of the named object template. */
    ObjectNode object(String name) {
        return ((ObjectNode) root.get(name)).deepCopy();
    }

    List<String> strings(String name) {
        List<String> values = new ArrayList<>();
        root.get(name).forEach(value -> values.add(value.asText()));
        return values;
    }
}
