package io.camelopenclaw.testgateway.channel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code chat.send} the fake plugin accepted, with what the plugin resolves from it.
 *
 * @param connectionSenderId the connection's sender (the auth service's user id when a token was verified)
 * @param messageId          the frame's message id, or the one the plugin generated
 * @param senderId           the frame's {@code senderId}, else the connection's
 * @param frame              the frame as sent
 */
public record ReceivedChannelMessage(String connectionSenderId, String messageId, String senderId, JsonNode frame) {

    public String content() {
        return frame.path("content").asText();
    }

    /** A field of the frame as text, or {@code null}. */
    public String field(String name) {
        JsonNode v = frame.get(name);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }
}
