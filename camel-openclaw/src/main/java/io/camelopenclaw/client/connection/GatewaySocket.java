package io.camelopenclaw.client.connection;

/**
 * One WebSocket to the gateway, as the connection uses it; a new one for every connection attempt, made by a
 * {@link SocketFactory}. Everything it receives goes to its {@link SocketHandler}, on its reader thread.
 */
interface GatewaySocket {

    /** Opens the socket (asynchronously: the handler learns the outcome). */
    void connect();

    /**
     * Sends one text frame whose payload is {@code utf8}, which must be valid UTF-8 (as JSON writers produce). Never
     * makes the client's event thread wait for the network.
     */
    void sendText(byte[] utf8);

    /** Starts the closing handshake. */
    void close(int code, String reason);

    /** Closes at once, without a closing handshake (the handler sees {@code code}). */
    void closeConnection(int code, String reason);

    /** The last error this socket reported (for example a TLS handshake failure), or {@code null}. */
    Exception lastError();
}
