package io.camelopenclaw.client.api;

import io.camelopenclaw.client.error.GatewayException;

/** Observes the connection; called on the client's event thread and must not block. */
public interface ConnectionListener {

    /** The connection changed state. */
    default void onStatus(ConnectionStatus status) {}

    /** A {@code hello-ok} completed; {@code reconnect} is {@code false} for the first connection. */
    default void onConnected(GatewayInfo info, boolean reconnect) {}

    /**
     * An error that does not end the connection: a malformed or oversized frame from the gateway, a listener that
     * threw, a dropped event.
     */
    default void onError(GatewayException error) {}
}
