package io.camelopenclaw.it;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.auth.DeviceAuthPayload;
import io.camelopenclaw.client.auth.DeviceIdentity;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A bare WebSocket connection to a gateway for tests that check the gateway itself (not our client): frames are
 * queued as JSON, requests are correlated by id, and the close code is kept.
 */
final class RawGatewaySocket implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final List<String> SCOPES = List.of("operator.read", "operator.write");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CLOSED = JSON.createObjectNode().put("type", "closed");

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final WebSocketClient client;
    private final FrameTap tap;
    private volatile int closeCode;
    private volatile String closeReason;

    /** Sees every frame sent and received, e.g. to record a transcript. */
    interface FrameTap {
        FrameTap NONE = (direction, frame) -> {};

        void frame(String direction, JsonNode frame);
    }

    private RawGatewaySocket(URI url, FrameTap tap) {
        this.tap = tap;
        client = new WebSocketClient(url) {
            @Override
            public void onOpen(ServerHandshake handshake) {}

            @Override
            public void onMessage(String message) {
                try {
                    JsonNode frame = JSON.readTree(message);
                    tap.frame("recv", frame);
                    frames.add(frame);
                } catch (Exception e) {
                    frames.add(
                            JSON.createObjectNode().put("type", "unparseable").put("text", message));
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closeCode = code;
                closeReason = reason;
                frames.add(CLOSED);
                closed.countDown();
            }

            @Override
            public void onError(Exception e) {}
        };
    }

    static RawGatewaySocket open(URI url) throws InterruptedException {
        return open(url, FrameTap.NONE);
    }

    static RawGatewaySocket open(URI url, FrameTap tap) throws InterruptedException {
        RawGatewaySocket socket = new RawGatewaySocket(url, tap);
        if (!socket.client.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "Cannot open a WebSocket to " + url + " (close code " + socket.closeCode + ")");
        }
        return socket;
    }

    /** The next frame matching {@code filter}, skipping others; fails on close or timeout. */
    JsonNode await(Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("No matching frame within " + timeout.toSeconds() + " s");
            }
            if (frame == CLOSED) {
                frames.add(CLOSED);
                throw new AssertionError("Connection closed (" + closeCode + " " + closeReason + ") while waiting");
            }
            if (filter.test(frame)) {
                return frame;
            }
        }
    }

    JsonNode awaitEvent(String event) throws InterruptedException {
        return await(
                frame -> "event".equals(frame.path("type").asText())
                        && event.equals(frame.path("event").asText()),
                TIMEOUT);
    }

    /** Sends a {@code req} and returns its (first) {@code res} frame. */
    JsonNode request(String method, JsonNode params) throws InterruptedException {
        return awaitResponse(send(method, params));
    }

    /** Sends a {@code req} and returns its id. */
    String send(String method, JsonNode params) {
        String id = UUID.randomUUID().toString();
        ObjectNode request =
                JSON.createObjectNode().put("type", "req").put("id", id).put("method", method);
        request.set("params", params);
        tap.frame("send", request);
        client.send(request.toString());
        return id;
    }

    /** The next {@code res} frame of the request with this id. */
    JsonNode awaitResponse(String id) throws InterruptedException {
        return await(
                frame -> "res".equals(frame.path("type").asText())
                        && id.equals(frame.path("id").asText()),
                TIMEOUT);
    }

    /** Collects the frames that arrive within {@code window} (the gateway's trailing frames after a scenario). */
    void drain(Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == CLOSED) {
                frames.add(CLOSED);
                return;
            }
        }
    }

    /**
     * Waits for {@code connect.challenge} and sends {@code connect} (protocol 3..4, {@code gateway-client}/
     * {@code backend}, operator read+write) with {@code token}, signed by {@code device} (the v3 payload string) if not
     * {@code null}.
     *
     * @return the connect {@code res} frame
     */
    JsonNode connect(String token, DeviceIdentity device) throws Exception {
        JsonNode challenge = awaitEvent("connect.challenge").path("payload");
        ObjectNode params = JSON.createObjectNode().put("minProtocol", 3).put("maxProtocol", 4);
        params.putObject("client")
                .put("id", "gateway-client")
                .put("displayName", "camel-openclaw IT")
                .put("version", "0.1.0")
                .put("platform", "linux")
                .put("mode", "backend");
        params.put("role", "operator");
        SCOPES.forEach(params.putArray("scopes")::add);
        params.putArray("caps");
        params.putObject("auth").put("token", token);
        if (device != null) {
            String nonce = challenge.path("nonce").asText();
            long signedAt = challenge.path("ts").asLong();
            String payload = DeviceAuthPayload.v3(
                    device.deviceId(),
                    "gateway-client",
                    "backend",
                    "operator",
                    SCOPES,
                    signedAt,
                    token,
                    nonce,
                    "linux",
                    null);
            params.putObject("device")
                    .put("id", device.deviceId())
                    .put("publicKey", device.publicKeyBase64Url())
                    .put("signature", device.sign(payload))
                    .put("signedAt", signedAt)
                    .put("nonce", nonce);
        }
        return request("connect", params);
    }

    /** Waits for the server to close the connection and returns the close code. */
    int awaitClose() throws InterruptedException {
        if (!closed.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The server did not close the connection within " + TIMEOUT.toSeconds() + " s");
        }
        return closeCode;
    }

    @Override
    public void close() {
        try {
            client.closeBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
