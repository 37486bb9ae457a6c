package io.camelopenclaw.client.channel;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One connection attempt to the channel (Java-WebSocket): inbound frames larger than the limit close it with 1009.
 * Reports everything to its {@link Handler} on the socket's own thread, which must only hand over.
 */
final class ChannelSocket extends WebSocketClient {

    /** What the socket reports. */
    interface Handler {
        void onText(ChannelSocket socket, String text);

        void onClose(ChannelSocket socket, int code, String reason, boolean remote);

        void onError(ChannelSocket socket, Exception error);
    }

    private final Handler handler;

    ChannelSocket(URI uri, int maxFrameBytes, int connectTimeoutMs, Handler handler) {
        super(uri, new Draft_6455(List.of(), maxFrameBytes), Map.of(), connectTimeoutMs);
        this.handler = handler;
        setConnectionLostTimeout(30); // pings: the plugin's ws server answers them
        setTcpNoDelay(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        // ready only with the plugin's greeting
    }

    @Override
    public void onMessage(String message) {
        handler.onText(this, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        handler.onClose(this, code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        handler.onError(this, ex);
    }
}
