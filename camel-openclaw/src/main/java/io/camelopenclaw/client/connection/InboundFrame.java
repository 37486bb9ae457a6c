package io.camelopenclaw.client.connection;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonScanner;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;

/**
 * The envelope of one inbound frame, read in one {@link JsonScanner} pass that checks the whole frame: its
 * {@code type}, {@code event} and {@code seq}, and its {@code payload} as a {@link LazyJsonObject} (as a tree already
 * when {@code payloadAsTree}, for listeners that read every event whole). A response is read as a whole tree
 * ({@code response}, {@code null} for other frames): in the same pass when its {@code type} comes first, as the
 * gateway writes it, else by a second pass. A frame that is not a JSON object has no type.
 */
record InboundFrame(String type, String event, Long seq, LazyJsonObject payload, JsonNode response) {

    /** Reads a frame; malformed JSON (or UTF-8) fails with an {@link IOException}. */
    static InboundFrame read(byte[] bytes, int offset, int length, boolean payloadAsTree) throws IOException {
        JsonScanner in = new JsonScanner(bytes, offset, length);
        if (!in.enterObject()) {
            in.skipValue();
            in.finish();
            return new InboundFrame(null, null, null, LazyJsonObject.EMPTY, null);
        }
        String type = null;
        String event = null;
        Long seq = null;
        LazyJsonObject payload = LazyJsonObject.EMPTY;
        ObjectNode response = null;
        boolean first = true;
        for (String name = in.nextField(); name != null; name = in.nextField()) {
            if (response != null) {
                response.set(name, in.readValue());
                continue;
            }
            if (name.equals("payload")) {
                payload = readPayload(in, bytes, payloadAsTree);
                first = false;
                continue;
            }
            JsonNode value = in.readScalar();
            if (first && name.equals("type") && value != null && "res".equals(value.textValue())) {
                response = JsonValues.object().put("type", "res");
                type = "res";
                continue;
            }
            first = false;
            switch (name) {
                case "type" -> type = JsonValues.textOf(value);
                case "event" -> event = JsonValues.textOf(value);
                case "seq" -> seq = JsonValues.numberOf(value);
                default -> {
                    // other fields are checked, not kept
                }
            }
        }
        in.finish();
        if ("res".equals(type) && response == null) {
            return new InboundFrame(type, event, seq, payload, JsonScanner.tree(bytes, offset, length));
        }
        return new InboundFrame(type, event, seq, payload, response);
    }

    private static LazyJsonObject readPayload(JsonScanner in, byte[] bytes, boolean asTree) throws IOException {
        if (!asTree && in.isObjectNext()) {
            return LazyJsonObject.read(in, bytes);
        }
        JsonNode tree = in.readValue();
        return LazyJsonObject.of(tree.isNull() ? null : tree);
    }
}
