package io.camelopenclaw.client.api;

/** The life cycle of a gateway client's connection. */
public enum ConnectionState {
    /** Not started yet. */
    NEW,
    /** Opening the socket or running the handshake for the first time. */
    CONNECTING,
    /** {@code hello-ok} received; requests and events flow. */
    CONNECTED,
    /** The socket was lost; reconnecting with backoff. */
    RECONNECTING,
    /** The gateway refused in a way only a person can fix (credentials, pairing, protocol, scopes); retrying slowly. */
    NEEDS_OPERATOR_ACTION,
    /** Closed by the caller. */
    CLOSED
}
