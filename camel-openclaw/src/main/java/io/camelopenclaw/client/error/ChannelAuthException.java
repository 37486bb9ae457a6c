package io.camelopenclaw.client.error;

/**
 * The {@code openclaw-websocket} channel refused the connection's token (it closes such connections with 4401). Not
 * retried: a new token or a change to the plugin's auth service is needed.
 */
public class ChannelAuthException extends GatewayException {

    /** The close code of the plugin's refusal. */
    public static final int CLOSE_CODE = 4401;

    public ChannelAuthException(String channel, String reason) {
        super("Channel " + channel + " refused the connection (" + CLOSE_CODE + "): " + reason);
    }
}
