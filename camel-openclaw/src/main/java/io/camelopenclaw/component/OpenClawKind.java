package io.camelopenclaw.component;

import java.util.Locale;

/** What an {@code openclaw:} endpoint does, named by the URI path. */
public enum OpenClawKind {
    /** Runs agents (producer) or receives finished runs (consumer). */
    AGENT,
    /** Receives gateway events (consumer). */
    EVENTS,
    /** Calls any gateway method (producer). */
    RPC,
    /** Chats through the openclaw-websocket channel plugin (producer and consumer). */
    CHANNEL;

    /** The kind named by a URI path such as {@code agent}. */
    static OpenClawKind of(String path) {
        for (OpenClawKind kind : values()) {
            if (kind.toString().equals(path)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown openclaw endpoint kind '" + path
                + "': use openclaw:agent, openclaw:events, openclaw:rpc or openclaw:channel");
    }

    /** The name in URIs: {@code agent}, {@code events}, {@code rpc}, {@code channel}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
