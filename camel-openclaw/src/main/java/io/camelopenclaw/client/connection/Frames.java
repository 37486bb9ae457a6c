package io.camelopenclaw.client.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;
import org.slf4j.Logger;

/** Small frame helpers of the connection: building requests, tracing frames (secrets masked), close reasons. */
final class Frames {

    private Frames() {}

    /** {@code {type:"req", id, method, params}}. */
    static ObjectNode request(String id, String method, ObjectNode params) {
        ObjectNode frame = JsonValues.object();
        frame.put("type", "req");
        frame.put("id", id);
        frame.put("method", method);
        if (params != null) {
            frame.set("params", params);
        }
        return frame;
    }

    /** Logs a frame at TRACE with its secrets masked. */
    static void trace(Logger log, String direction, JsonNode frame) {
        if (log.isTraceEnabled()) {
            log.trace("{} {}", direction, FrameRedactor.redact(frame));
        }
    }

    /** Logs an outgoing request at TRACE with its secrets masked; the frame is only built when tracing. */
    static void trace(Logger log, String direction, String id, String method, ObjectNode params) {
        if (log.isTraceEnabled()) {
            trace(log, direction, request(id, method, params));
        }
    }

    /** Logs an inbound event at TRACE with its secrets masked; the frame is only built when tracing. */
    static void traceEvent(Logger log, String name, LazyJsonObject payload, Long seq) {
        if (log.isTraceEnabled()) {
            ObjectNode frame = JsonValues.object();
            frame.put("type", "event");
            frame.put("event", name);
            frame.set("payload", payload.tree());
            if (seq != null) {
                frame.put("seq", seq);
            }
            trace(log, "recv", frame);
        }
    }

    /** Events that drive the connection itself and are never dropped. */
    static boolean isControlEvent(String name) {
        return switch (name) {
            case "connect.challenge", "tick", "shutdown" -> true;
            default -> false;
        };
    }

    /** A close reason with the root cause of the socket's last error, if any ({@code ""} when there is neither). */
    static String closeReason(String reason, Exception socketError) {
        String text = reason == null ? "" : reason;
        if (socketError == null) {
            return text;
        }
        Throwable root = socketError;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() != null ? root.getMessage() : root.toString();
        return text.isEmpty() ? cause : text + ": " + cause;
    }
}
