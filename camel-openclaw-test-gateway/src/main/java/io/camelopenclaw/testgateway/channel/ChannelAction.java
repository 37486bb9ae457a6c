package io.camelopenclaw.testgateway.channel;

import java.time.Duration;

/**
 * One step of a scripted agent reply, as the {@code openclaw-websocket} plugin would put it on the wire for the
 * message being answered.
 */
public sealed interface ChannelAction {

    /** The plugin's error text when dispatching a message throws: {@code Failed to process message: Error: ...}. */
    static ChannelAction failure(String reason) {
        return new Error("Failed to process message: Error: " + reason);
    }

    /** {@code chat.typing} (no message id), as sent when the agent starts replying. */
    record Typing() implements ChannelAction {}

    /** {@code chat.stream} with {@code done:false}: the partial reply so far (or a block or tool result). */
    record Stream(String content) implements ChannelAction {}

    /**
     * A final reply: split like the plugin does (per paragraph, and per 4,000 characters of a longer paragraph) into
     * {@code chat.response} frames with {@code done:true}.
     */
    record Final(String text) implements ChannelAction {}

    /** {@code chat.error} with the message id and this text. */
    record Error(String error) implements ChannelAction {}

    /** Any text frame as it is (malformed or oversized frames). */
    record Raw(String frame) implements ChannelAction {}

    /** Waits before the next step (on the plugin's timer, never blocking a socket thread). */
    record Pause(Duration duration) implements ChannelAction {}

    /** Closes the connection, as when the gateway stops mid-reply (the plugin closes with 1000). */
    record Close(int code, String reason) implements ChannelAction {}
}
