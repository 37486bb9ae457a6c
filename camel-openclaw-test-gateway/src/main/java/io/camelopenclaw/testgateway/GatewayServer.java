package io.camelopenclaw.testgateway;

import java.nio.channels.ServerSocketChannel;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket listener (Java-WebSocket's selector and worker threads, nothing more): hands each socket's frames to
 * the handshake handler until hello-ok, then to the request router.
 */
final class GatewayServer extends LoopbackServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final int KEEPALIVE_SECONDS = 25;

    private final GatewayConfig config;
    private final HandshakeHandler handshake;
    private final RequestRouter router;
    private final EventBroadcaster broadcaster;
    private final RequestLog requests;

    GatewayServer(
            ServerSocketChannel channel,
            GatewayConfig config,
            HandshakeHandler handshake,
            RequestRouter router,
            EventBroadcaster broadcaster,
            RequestLog requests) {
        super(channel);
        this.config = config;
        this.handshake = handshake;
        this.router = router;
        this.broadcaster = broadcaster;
        this.requests = requests;
        setConnectionLostTimeout(KEEPALIVE_SECONDS);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake request) {
        String origin = request.hasFieldValue("Origin") ? request.getFieldValue("Origin") : null;
        ClientConnection connection = new ClientConnection(socket, origin);
        socket.setAttachment(connection);
        handshake.opened(connection);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        ClientConnection connection = socket.getAttachment();
        try {
            handle(connection, text);
        } catch (RuntimeException e) {
            LOG.error("test gateway failed on a frame of connection {}", connection.connId(), e);
        }
    }

    private void handle(ClientConnection connection, String text) {
        if (!connection.authenticated()) {
            handshake.received(connection, text);
            return;
        }
        if (FrameCodec.exceeds(text, config.maxPayload())) {
            connection.close(HandshakeHandler.CLOSE_TOO_BIG, "max payload size exceeded");
            return;
        }
        FrameCodec.Request request;
        try {
            request = FrameCodec.parseRequest(Json.parse(text));
        } catch (JsonProcessingException e) {
            LOG.debug("connection {} sent a frame that is not JSON; ignored", connection.connId());
            return;
        }
        if (request == null) {
            LOG.debug("connection {} sent a frame that is not a request; ignored", connection.connId());
            return;
        }
        requests.add(new ReceivedRequest(connection.connId(), request.method(), request.params()));
        router.dispatch(connection, request);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        ClientConnection connection = socket.getAttachment();
        if (connection != null) {
            broadcaster.remove(connection);
            LOG.debug("connection {} closed: {} {}", connection.connId(), code, reason);
        }
    }
}
