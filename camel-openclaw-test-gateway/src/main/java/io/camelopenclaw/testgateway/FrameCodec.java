package io.camelopenclaw.testgateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code req} frames and writes {@code res} / {@code event} frames. Event payloads arrive already serialized
 * (UTF-8), so a broadcast event is serialized once and only its small envelope (which carries the per-connection
 * {@code seq}) is written per recipient, straight into the WebSocket frame.
 */
final class FrameCodec {

    /** A well-formed request frame; {@code params} is never null (absent params read as {@code {}}). */
    record Request(String id, String method, JsonNode params) {}

    private static final byte FIN_TEXT = (byte) 0x81;
    private static final byte[] EMPTY = {};
    private static final byte[] CLOSE = Json.utf8("}");
    private static final byte[] STATE_VERSION = Json.utf8(",\"stateVersion\":");
    private static final Map<String, byte[]> EVENT_PREFIXES = new ConcurrentHashMap<>();
    private static final Set<String> REQUEST_FIELDS =
            Set.of("type", "id", "method", "params", "traceparent", "expectedProfileId");

    private FrameCodec() {}

    /** The request in a frame, or null when the frame is not a valid closed {@code req} object. */
    static Request parseRequest(JsonNode frame) {
        if (frame == null || !frame.isObject() || !"req".equals(Json.text(frame, "type"))) {
            return null;
        }
        for (Iterator<String> names = frame.fieldNames(); names.hasNext(); ) {
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
        String payload = error.payloadJson() == null ? "" : ",\"payload\":" + error.payloadJson();
        return "{\"type\":\"res\",\"id\":" + Json.quote(id) + ",\"ok\":false" + payload + ",\"error\":"
                + Json.write(error.toJson()) + "}";
    }

    /**
     * An event frame. {@code seq <= 0} leaves the frame-level {@code seq} out (the challenge, v3 tool events);
     * {@code stateVersion} may be null.
     */
    static OutFrame event(String name, byte[] payload, long seq, byte[] stateVersion) {
        byte[] prefix = EVENT_PREFIXES.computeIfAbsent(
                name, n -> Json.utf8("{\"type\":\"event\",\"event\":\"" + n + "\",\"payload\":"));
        byte[] seqField = seq > 0 ? Json.utf8(",\"seq\":" + seq) : EMPTY;
        return stateVersion == null
                ? new OutFrame(prefix, payload, seqField, CLOSE)
                : new OutFrame(prefix, payload, seqField, STATE_VERSION, stateVersion, CLOSE);
    }

    /** A text frame. */
    static OutFrame text(String text) {
        return new OutFrame(Json.utf8(text));
    }

    /**
     * One final, unmasked text frame (RFC 6455 §5.2) whose payload is the concatenation of UTF-8 parts. The header
     * is written here, so that the payload is copied once, straight to where it leaves, and not re-validated.
     */
    static final class OutFrame {

        private final byte[][] parts;
        private final int length;

        OutFrame(byte[]... parts) {
            this.parts = parts;
            int total = 0;
            for (byte[] part : parts) {
                total += part.length;
            }
            this.length = total;
        }

        /** Header and payload bytes. */
        int wireLength() {
            return headerLength() + length;
        }

        void writeTo(ByteBuffer out) {
            out.put(FIN_TEXT);
            if (length < 126) {
                out.put((byte) length);
            } else if (length <= 0xFFFF) {
                out.put((byte) 126).putShort((short) length);
            } else {
                out.put((byte) 127).putLong(length);
            }
            for (byte[] part : parts) {
                out.put(part);
            }
        }

        ByteBuffer toBuffer() {
            ByteBuffer frame = ByteBuffer.allocate(wireLength());
            writeTo(frame);
            return frame.flip();
        }

        private int headerLength() {
            return length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        }
    }
}
