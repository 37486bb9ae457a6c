package io.camelopenclaw.client.internal;

/** Callbacks of a {@link GatewaySocket}; invoked on the socket's reader thread. */
public interface SocketHandler {

    void onOpen(GatewaySocket socket);

    void onText(GatewaySocket socket, String text);

    void onClose(GatewaySocket socket, int code, String reason, boolean remote);

    void onError(GatewaySocket socket, Exception error);
}
