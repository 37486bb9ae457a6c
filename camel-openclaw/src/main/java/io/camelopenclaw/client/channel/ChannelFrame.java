package io.camelopenclaw.client.channel;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.json.JsonValues;

/**
 * A frame the {@code openclaw-websocket} plugin sends: {@code chat.typing} (no message id), {@code chat.stream}
 * ({@code done:false}), {@code chat.response} ({@code done:true}; the greeting has no message id) or {@code chat.error}
 * (with the message id when it concerns a message being processed, without for a frame the plugin could not read or
 * an authentication failure).
 *
 * @param type      the frame type
 * @param messageId the message the frame answers, or {@code null}
 * @param content   the text of stream and response frames, or {@code null}
 * @param error     the text of an error frame, or {@code null}
 * @param done      the {@code done} flag, {@code null} when absent
 */
public record ChannelFrame(String type, String messageId, String content, String error, Boolean done) {

    public static final String SEND = "chat.send";
    public static final String TYPING = "chat.typing";
    public static final String STREAM = "chat.stream";
    public static final String RESPONSE = "chat.response";
    public static final String ERROR = "chat.error";

    /** The longest excerpt of a malformed frame quoted in an exception. */
    private static final int EXCERPT = 120;

    /**
     * Reads a frame. Fails with a {@link GatewayProtocolException} for text that is not a JSON object, an unknown
     * type, or a stream or response frame without a text {@code content}; when such a frame names a message id, the
     * exception's {@link MalformedFrameException#messageId()} carries it.
     */
    static ChannelFrame parse(String text) {
        JsonNode node;
        try {
            node = JsonValues.parse(text);
        } catch (IOException e) {
            throw new MalformedFrameException(null, "Channel frame is not JSON: " + excerpt(text));
        }
        if (node == null || !node.isObject()) {
            throw new MalformedFrameException(null, "Channel frame is not a JSON object: " + excerpt(text));
        }
        String messageId = textField(node, "messageId");
        String type = textField(node, "type");
        if (type == null
                || !(type.equals(TYPING) || type.equals(STREAM) || type.equals(RESPONSE) || type.equals(ERROR))) {
            throw new MalformedFrameException(
                    messageId, "Channel frame of unknown type " + type + ": " + excerpt(text));
        }
        JsonNode content = node.get("content");
        if ((type.equals(STREAM) || type.equals(RESPONSE)) && (content == null || !content.isTextual())) {
            throw new MalformedFrameException(messageId, type + " frame without a text content: " + excerpt(text));
        }
        JsonNode done = node.get("done");
        return new ChannelFrame(
                type,
                messageId,
                content == null || !content.isTextual() ? null : content.asText(),
                textField(node, "error"),
                done != null && done.isBoolean() ? done.asBoolean() : null);
    }

    /**
     * A response without message id: the greeting when it is a connection's first frame, else a message the gateway
     * sent on its own.
     */
    public boolean isUnprompted() {
        return RESPONSE.equals(type) && messageId == null;
    }

    private static String textField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "... (" + text.length() + " chars)";
    }

    /** A frame that does not have the plugin's shape; {@link #messageId()} when it names one. */
    public static final class MalformedFrameException extends GatewayProtocolException {
        private final String messageId;

        MalformedFrameException(String messageId, String message) {
            super(message);
            this.messageId = messageId;
        }

        /** The message id the frame named, or {@code null}. */
        public String messageId() {
            return messageId;
        }
    }
}
