package io.camelopenclaw.testgateway;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code req} frames and writes {@code res} / {@code event} frames. Payloads arrive already serialized, so a
 * broadcast event is serialized once and only its small envelope (which carries the per-connection {@code seq}) is
 * written per recipient.
 */
final class FrameCodec {

    /** A well-formed request frame; {@code params} is never null (absent params read as {@code {}}). */
    record Request(String id, String method, JsonNode params) {
    }

    private static final Set<String> REQUEST_FIELDS = Set.of("type", "id", "method", "params", "traceparent",
            "expectedProfileId");

    private FrameCodec() {
    }

    /** The request in a frame, or null when the frame is not a valid closed {@code req} object. */
    static Request parseRequest(JsonNode frame) {
        if (frame == null || !frame.isObject() || !"req".equals(Json.text(frame, "type"))) {
            return null;
        }
        for (Iterator<String> names = frame.fieldNames(); names.hasNext();) {
            if (!REQUEST_FIELDS.contains(names.next())) {
                return null;
            }
        }
        String id = Json.text(frame, "id");
        String method = Json.text(frame, "method");
        if (id == null || id.isEmpty() || method == null || method.isEmpty()) {
            return null;
        }
        JsonNode params = frame.get("params");
        return new Request(id, method, params == null || params.isNull() ? Json.object() : params);
    }

    /** Whether a received text frame is longer than {@code maxBytes} in UTF-8. */
    static boolean exceeds(String text, int maxBytes) {
        if (text.length() > maxBytes) {
            return true;
        }
        if ((long) text.length() * 3 <= maxBytes) {
            return false;
        }
        return text.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    static String response(String id, String payloadJson) {
        return "{\"type\":\"res\",\"id\":" + Json.quote(id) + ",\"ok\":true,\"payload\":" + payloadJson + "}";
    }

    static String error(String id, GatewayError error) {
        return "{\"type\":\"res\",\"id\":" + Json.quote(id) + ",\"ok\":false,\"error\":" + Json.write(error.toJson())
                + "}";
    }

    /**
     * An event frame. {@code seq <= 0} leaves the frame-level {@code seq} out (the challenge, v3 tool events);
     * {@code stateVersionJson} may be null.
     */
    static String event(String name, String payloadJson, long seq, String stateVersionJson) {
        StringBuilder frame = new StringBuilder(payloadJson.length() + name.length() + 64)
                .append("{\"type\":\"event\",\"event\":\"").append(name).append("\",\"payload\":").append(payloadJson);
        if (seq > 0) {
            frame.append(",\"seq\":").append(seq);
        }
        if (stateVersionJson != null) {
            frame.append(",\"stateVersion\":").append(stateVersionJson);
        }
        return frame.append('}').toString();
    }
}
