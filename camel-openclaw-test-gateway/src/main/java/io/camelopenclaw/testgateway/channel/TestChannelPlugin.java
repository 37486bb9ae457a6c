package io.camelopenclaw.testgateway.channel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process fake of the {@code openclaw-websocket} channel plugin (Taichi-Labs/openclaw-websocket 0.2.0) with a
 * scripted agent: the plugin's URL parameters, token check (a {@code chat.error} and close 4401 for a missing or
 * unknown token, frames before the greeting lost), greeting, {@code chat.typing} on receipt, replies as
 * {@code chat.stream}/{@code chat.response} frames split like the plugin splits them, {@code chat.error}s, and
 * unprompted messages. Listens on a free loopback port. See docs/channel.md for the protocol.
 */
public final class TestChannelPlugin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestChannelPlugin.class);
    private static final long FLUSH_CHECK_MS = 20;

    /** The plugin's settings that matter on the wire. */
    public record Config(String path, Map<String, String> tokens, Duration authDelay, int maxPayload) {}

    private final Config config;
    private final List<ReceivedChannelMessage> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectAttempts = new AtomicInteger();
    private volatile ChannelScript script = ChannelScript.ECHO;
    private int port;
    private ScheduledExecutorService timer;
    private ChannelServer server;

    private TestChannelPlugin(Config config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening (on a free port the first time, on the same port after {@link #stop()}). */
    public synchronized TestChannelPlugin start() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "test-channel-plugin");
            thread.setDaemon(true);
            return thread;
        });
        server = new ChannelServer(config, port, timer, this);
        try {
            server.startListening();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
        port = server.getPort();
        timer.scheduleWithFixedDelay(server::flushStalled, FLUSH_CHECK_MS, FLUSH_CHECK_MS, TimeUnit.MILLISECONDS);
        LOG.info("fake channel plugin listening on {}", url());
        return this;
    }

    /** Like the gateway stopping: closes every connection with 1000 "Server shutting down", then stops listening. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        for (WebSocket socket : server.getConnections()) {
            socket.close(1000, "Server shutting down");
        }
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code ws://127.0.0.1:<port><path>}. */
    public String url() {
        return "ws://127.0.0.1:" + port + config.path();
    }

    public int port() {
        return port;
    }

    /** Replaces the scripted agent (default {@link ChannelScript#ECHO}). */
    public void script(ChannelScript script) {
        this.script = script;
    }

    ChannelScript script() {
        return script;
    }

    /** The {@code chat.send} frames accepted so far. */
    public List<ReceivedChannelMessage> messages() {
        return List.copyOf(messages);
    }

    /** WebSocket upgrades on the channel path so far (accepted or refused). */
    public int connectAttempts() {
        return connectAttempts.get();
    }

    /** Open connections that passed the token check. */
    public synchronized int connectionCount() {
        return server == null
                ? 0
                : (int) server.getConnections().stream()
                        .filter(s -> s.getAttachment() != null)
                        .count();
    }

    /** Sends a {@code chat.response} without message id to every greeted connection (the plugin's broadcast). */
    public synchronized void broadcast(String content) {
        broadcastRaw(ChannelServer.JSON
                .createObjectNode()
                .put("type", "chat.response")
                .put("content", content)
                .toString());
    }

    /** Sends any text frame to every greeted connection. */
    public synchronized void broadcastRaw(String frame) {
        if (server != null) {
            server.getConnections().stream()
                    .filter(s -> s.getAttachment() != null)
                    .forEach(s -> ChannelServer.sendRaw(s, frame));
        }
    }

    void recordConnectAttempt() {
        connectAttempts.incrementAndGet();
    }

    void recordMessage(ReceivedChannelMessage message) {
        messages.add(message);
    }

    /** Builder of {@link TestChannelPlugin}. */
    public static final class Builder {
        private String path = "/ws";
        private final Map<String, String> tokens = new HashMap<>();
        private Duration authDelay = Duration.ofMillis(20);
        private int maxPayload = 100 * 1024 * 1024;

        /** The WebSocket path (the plugin's default /ws). */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Turns the token check on (as the plugin's default {@code auth.required=true}) and accepts {@code token} as
         * the user {@code userId}. Without tokens the check is off ({@code auth.enabled=false}).
         */
        public Builder token(String token, String userId) {
            tokens.put(token, userId);
            return this;
        }

        /** How long the auth service takes to answer. */
        public Builder authDelay(Duration authDelay) {
            this.authDelay = authDelay;
            return this;
        }

        /** The largest inbound frame (the ws library's maxPayload, 100 MiB by default); larger ones close with 1009. */
        public Builder maxPayload(int maxPayload) {
            this.maxPayload = maxPayload;
            return this;
        }

        public TestChannelPlugin build() {
            return new TestChannelPlugin(new Config(path, Map.copyOf(tokens), authDelay, maxPayload));
        }
    }
}
