package io.camelopenclaw.client.error;

/**
 * The {@code openclaw-websocket} channel answered with {@code chat.error}: processing a message failed (the message id
 * is set) or the plugin could not read a frame (no message id). The message is the plugin's own text.
 */
public class ChannelErrorException extends GatewayException {

    private final String messageId;
    private final String channelError;

    public ChannelErrorException(String messageId, String channelError) {
        super((messageId == null ? "Channel error: " : "Channel error for message " + messageId + ": ") + channelError);
        this.messageId = messageId;
        this.channelError = channelError;
    }

    /** The message the error concerns, or {@code null}. */
    public String messageId() {
        return messageId;
    }

    /** The plugin's error text as sent. */
    public String channelError() {
        return channelError;
    }
}
