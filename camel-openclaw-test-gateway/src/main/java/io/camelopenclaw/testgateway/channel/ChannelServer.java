package io.camelopenclaw.testgateway.channel;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.LoopbackServer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake plugin's socket side, behaving like the plugin's {@code WsChatServer}: only the configured path upgrades;
 * a connection is authenticated (refusals: a {@code chat.error} then close 4401) before its frames are read at all
 * (frames sent earlier are lost, as with the plugin) and greeted; every valid {@code chat.send} is answered with
 * {@code chat.typing} and then the script's steps, concurrently with other messages; unreadable frames get uncorrelated
 * {@code chat.error}s; frames over {@code maxPayload} close the connection with 1009.
 */
final class ChannelServer extends LoopbackServer {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelServer.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GREETING = "Connected to WebSocket chat server";

    private final TestChannelPlugin.Config config;
    private final ScheduledExecutorService timer;
    private final TestChannelPlugin plugin;

    ChannelServer(TestChannelPlugin.Config config, int port, ScheduledExecutorService timer, TestChannelPlugin plugin) {
        super(new InetSocketAddress("127.0.0.1", port), List.<Draft>of(new Draft_6455(List.of(), config.maxPayload())));
        this.config = config;
        this.timer = timer;
        this.plugin = plugin;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        if (!config.path().equals(URI.create(request.getResourceDescriptor()).getPath())) {
            throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR, "not the channel path");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake request) {
        Map<String, String> query =
                Query.parse(URI.create(request.getResourceDescriptor()).getRawQuery());
        String token = query.get("token");
        plugin.recordConnectAttempt();
        String senderId = query.getOrDefault("senderId", UUID.randomUUID().toString());
        String senderName = query.get("senderName");
        if (config.tokens().isEmpty()) {
            accept(socket, senderId);
            return;
        }
        if (token == null) {
            refuse(socket, "Token required. Connect with ?token=YOUR_TOKEN", "Token required");
            return;
        }
        timer.schedule(
                () -> {
                    String userId = config.tokens().get(token);
                    if (userId == null) {
                        refuse(socket, "Authentication failed: auth_failed", "Authentication failed");
                    } else {
                        accept(socket, userId);
                    }
                },
                config.authDelay().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.debug("channel connection of {} ({}) authenticating", senderId, senderName);
    }

    private void accept(WebSocket socket, String senderId) {
        socket.setAttachment(senderId);
        ObjectNode greeting =
                JSON.createObjectNode().put("type", "chat.response").put("content", GREETING);
        send(socket, greeting);
    }

    private void refuse(WebSocket socket, String error, String reason) {
        send(socket, JSON.createObjectNode().put("type", "chat.error").put("error", error));
        socket.close(4401, reason);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        String connectionSender = socket.getAttachment();
        if (connectionSender == null) {
            return; // not yet authenticated: the plugin has no message handler yet
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (Exception e) {
            sendError(socket, null, "Failed to parse message");
            return;
        }
        if (!"chat.send".equals(frame.path("type").asText())
                || frame.path("content").asText("").isEmpty()) {
            sendError(socket, null, "Invalid message format. Expected: { type: 'chat.send', content: '...' }");
            return;
        }
        String messageId = frame.hasNonNull("messageId")
                ? frame.get("messageId").asText()
                : UUID.randomUUID().toString();
        String senderId = frame.hasNonNull("senderId") ? frame.get("senderId").asText() : connectionSender;
        ReceivedChannelMessage message = new ReceivedChannelMessage(connectionSender, messageId, senderId, frame);
        plugin.recordMessage(message);
        send(socket, JSON.createObjectNode().put("type", "chat.typing"));
        timer.execute(() -> new ScriptRun(socket, messageId, plugin.script().reply(message), timer).next());
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        LOG.debug("channel connection closed: {} {}", code, reason);
    }

    static void sendError(WebSocket socket, String messageId, String error) {
        ObjectNode frame = JSON.createObjectNode().put("type", "chat.error");
        if (messageId != null) {
            frame.put("messageId", messageId);
        }
        send(socket, frame.put("error", error));
    }

    /** Sends when the socket is open, like the plugin's {@code sendToClient}. */
    static void send(WebSocket socket, JsonNode frame) {
        sendRaw(socket, frame.toString());
    }

    static void sendRaw(WebSocket socket, String text) {
        if (socket.isOpen()) {
            socket.send(text);
        }
    }
}
