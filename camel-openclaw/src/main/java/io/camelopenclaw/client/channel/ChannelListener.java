package io.camelopenclaw.client.channel;

import io.camelopenclaw.client.error.GatewayException;

/**
 * Receives what a {@link ChannelClient} cannot hand to a pending message. Called on the client's event thread: return
 * quickly and never block.
 */
public interface ChannelListener {

    /** The plugin's greeting, its first frame on every (re)connect: from now on messages are sent. */
    default void onGreeting(ChannelFrame greeting) {}

    /**
     * A frame that answers no pending message: frames the gateway sends on its own, {@code chat.typing} frames (which never carry a message id), and late frames of a
     * message that already completed or timed out ({@code late=true}).
     */
    default void onFrame(ChannelFrame frame, boolean late) {}

    /**
     * An error that concerns no pending message: an uncorrelated {@code chat.error}, a malformed frame, a lost
     * connection, or the final refusal (wrong token) after which the client gives up.
     */
    default void onError(GatewayException error) {}
}
