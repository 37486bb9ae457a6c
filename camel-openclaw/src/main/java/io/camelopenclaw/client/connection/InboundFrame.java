package io.camelopenclaw.client.connection;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;

/**
 * The envelope of one inbound frame, read in one streaming pass that checks the whole frame: its {@code type},
 * {@code event} and {@code seq}, and its {@code payload} as a {@link LazyJsonObject} (as a tree already
 * when {@code payloadAsTree}, for listeners that read every event whole). A response is read as a whole tree
 * ({@code response}, {@code null} for other frames): in the same pass when its {@code type} comes first, as the
 * gateway writes it, else by a second parse. A frame that is not a JSON object has no type.
 */
record InboundFrame(String type, String event, Long seq, LazyJsonObject payload, JsonNode response) {

    /** Reads a frame; malformed JSON (or UTF-8) fails with an {@link IOException}. */
    static InboundFrame read(byte[] bytes, int offset, int length, boolean payloadAsTree) throws IOException {
        try (JsonParser parser = JsonValues.parser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return new InboundFrame(null, null, null, LazyJsonObject.EMPTY, null);
            }
            String type = null;
            String event = null;
            Long seq = null;
            LazyJsonObject payload = LazyJsonObject.EMPTY;
            ObjectNode response = null;
            boolean first = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (response != null) {
                    response.set(
                            name, token == JsonToken.VALUE_NULL ? NullNode.getInstance() : parser.readValueAsTree());
                    continue;
                }
                if (first && "type".equals(name) && token == JsonToken.VALUE_STRING && "res".equals(parser.getText())) {
                    response = JsonValues.object().put("type", "res");
                    type = "res";
                    continue;
                }
                first = false;
                switch (name) {
                    case "type" -> type = text(parser, token);
                    case "event" -> event = text(parser, token);
                    case "seq" -> seq = token.isNumeric() ? parser.getValueAsLong() : null;
                    case "payload" ->
                        payload = token == JsonToken.START_OBJECT && !payloadAsTree
                                ? LazyJsonObject.read(parser, bytes, offset)
                                : LazyJsonObject.of(token == JsonToken.VALUE_NULL ? null : parser.readValueAsTree());
                    default -> {
                        // other fields are checked, not kept
                    }
                }
                if (!name.equals("payload")) {
                    parser.skipChildren();
                }
            }
            if ("res".equals(type) && response == null) {
                return new InboundFrame(type, event, seq, payload, JsonValues.parse(bytes, offset, length));
            }
            return new InboundFrame(type, event, seq, payload, response);
        }
    }

    /** A scalar as text, as a tree's {@code asText()} gives it; {@code null} for containers and JSON null. */
    private static String text(JsonParser parser, JsonToken token) throws IOException {
        return token.isScalarValue() && token != JsonToken.VALUE_NULL ? parser.getText() : null;
    }
}
