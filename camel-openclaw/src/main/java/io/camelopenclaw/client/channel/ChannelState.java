package io.camelopenclaw.client.channel;

/** The state of a {@link ChannelClient}'s connection. */
public enum ChannelState {
    /** Not started yet. */
    NEW,
    /** A socket is opening or waits for the plugin's greeting. */
    CONNECTING,
    /** Greeted: messages are sent. */
    READY,
    /** Disconnected; a reconnect is scheduled. Messages wait for it. */
    RECONNECT_WAIT,
    /** Given up (token refused or reconnect attempts used up): every send fails with the reason. */
    FAILED,
    /** Closed by the application. */
    CLOSED
}
