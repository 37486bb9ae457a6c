package io.camelopenclaw.client.connection;

import java.nio.ByteBuffer;

/** Callbacks of a {@link GatewaySocket}; invoked on the socket's reader thread. */
interface SocketHandler {

    void onOpen(GatewaySocket socket);

    /** A text frame's UTF-8 bytes (a heap buffer), valid only until this call returns. */
    void onText(GatewaySocket socket, ByteBuffer utf8);

    /** Every frame of one read from the network was handed to {@link #onText}; more may follow in the next read. */
    void onReadEnd(GatewaySocket socket);

    void onClose(GatewaySocket socket, int code, String reason, boolean remote);

    void onError(GatewaySocket socket, Exception error);
}
