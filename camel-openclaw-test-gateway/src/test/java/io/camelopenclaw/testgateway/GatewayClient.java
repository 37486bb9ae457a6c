package io.camelopenclaw.testgateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A raw protocol client for tests: records every frame and the close, and waits for frames by predicate. */
final class GatewayClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);

    /** The close the client saw. */
    record Close(int code, String reason, boolean remote) {}

    private final Socket socket;
    private final List<JsonNode> received = new ArrayList<>();
    private final List<String> rawTexts = new ArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();

    private GatewayClient(String url, Map<String, String> headers) {
        this.socket = new Socket(URI.create(url), headers);
    }

    static GatewayClient open(String url) {
        return open(url, Map.of());
    }

    static GatewayClient open(String url, Map<String, String> headers) {
        GatewayClient client = new GatewayClient(url, headers);
        try {
            if (!client.socket.connectBlocking(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not connect to " + url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /** Opens, reads the challenge and connects with the given params; fails unless hello-ok. */
    static GatewayClient connected(String url, ObjectNode connectParams) {
        GatewayClient client = open(url);
        JsonNode res = client.connect(connectParams);
        if (!res.path("ok").asBoolean()) {
            throw new AssertionError("connect failed: " + res);
        }
        return client;
    }

    /** The {@code connect.challenge} payload. */
    JsonNode challenge() {
        return await(f -> "connect.challenge".equals(f.path("event").asText())).get("payload");
    }

    /** Reads the challenge, sends connect and returns its response frame. */
    JsonNode connect(ObjectNode params) {
        challenge();
        return call("connect", params);
    }

    /** Sends a request and returns its id. */
    String send(String method, JsonNode params) {
        String id = UUID.randomUUID().toString();
        ObjectNode frame =
                JSON.createObjectNode().put("type", "req").put("id", id).put("method", method);
        frame.set("params", params);
        sendText(frame.toString());
        return id;
    }

    void sendText(String text) {
        socket.send(text);
    }

    /** Sends a request and waits for its (first) response frame. */
    JsonNode call(String method, JsonNode params) {
        return response(send(method, params));
    }

    JsonNode response(String id) {
        return await(f ->
                "res".equals(f.path("type").asText()) && id.equals(f.path("id").asText()));
    }

    /** The first frame received that matches, waiting up to {@link #WAIT} for it. */
    JsonNode await(Predicate<JsonNode> matcher) {
        return await(matcher, 1, WAIT).get(0);
    }

    /** The first {@code count} frames received that match, waiting up to {@code timeout} for them. */
    synchronized List<JsonNode> await(Predicate<JsonNode> matcher, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                List<JsonNode> matches =
                        received.stream().filter(matcher).limit(count).toList();
                long left = deadline - System.nanoTime();
                if (matches.size() == count) {
                    return matches;
                }
                if (left <= 0) {
                    throw new AssertionError(
                            "no " + count + " matching frames within " + timeout + "; received " + received);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first event with this name. */
    JsonNode awaitEvent(String event) {
        return await(f -> event.equals(f.path("event").asText()));
    }

    /** The terminal chat event (final, aborted or error) of a run. */
    JsonNode awaitChatEnd(String runId) {
        return await(f -> "chat".equals(f.path("event").asText())
                && runId.equals(f.path("payload").path("runId").asText())
                && List.of("final", "aborted", "error")
                        .contains(f.path("payload").path("state").asText()));
    }

    /** Every JSON frame received so far, in order. */
    synchronized List<JsonNode> received() {
        return new ArrayList<>(received);
    }

    synchronized List<String> rawTexts() {
        return new ArrayList<>(rawTexts);
    }

    /** Waits for the socket to close. */
    Close awaitClose() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + WAIT, e);
        }
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        socket.close();
    }

    private final class Socket extends WebSocketClient {

        Socket(URI uri, Map<String, String> headers) {
            super(uri, headers);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {}

        @Override
        public void onMessage(String text) {
            synchronized (GatewayClient.this) {
                rawTexts.add(text);
                try {
                    received.add(JSON.readTree(text));
                    GatewayClient.this.notifyAll();
                } catch (Exception e) {
                    // not JSON: kept in rawTexts only
                }
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(new Close(code, reason, remote));
        }

        @Override
        public void onError(Exception ex) {}
    }
}
