package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection against scripted sockets ({@link SocketFactory} replaced): the handshake, what a close means
 * ({@link ClosePolicy}), and the events that follow missed ones ({@link EventSequence}) — without a network.
 */
class GatewayConnectionTest {

    private final SerialDispatcher dispatcher = new SerialDispatcher("test-events", 100);
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final List<FakeSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<GatewayEvent> events = new CopyOnWriteArrayList<>();
    private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<GatewayException> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.shutdown();
        timer.shutdownNow();
    }

    private GatewayConnection connection(GatewayClientOptions.Builder options) {
        return new GatewayConnection(
                options.url("ws://gateway.invalid").token("t").build(),
                dispatcher,
                timer,
                new GatewayConnectionListener() {
                    @Override
                    public boolean isEssential(String eventName, LazyJsonObject payload) {
                        return true;
                    }

                    @Override
                    public boolean wantsPayloadTrees() {
                        return false;
                    }

                    @Override
                    public void onEvent(GatewayEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onConnected(GatewayInfo info, boolean reconnect) {}

                    @Override
                    public void onDisconnected() {}

                    @Override
                    public void onStatus(ConnectionStatus status) {
                        statuses.add(status);
                    }

                    @Override
                    public void onError(GatewayException error) {
                        errors.add(error);
                    }
                },
                (handler, maxFrame) -> {
                    FakeSocket socket = new FakeSocket(handler);
                    sockets.add(socket);
                    return socket;
                });
    }

    private static GatewayClientOptions.Builder fastRetries() {
        return GatewayClientOptions.builder()
                .reconnectInitialDelay(Duration.ofMillis(10))
                .reconnectMaxDelay(Duration.ofMillis(20))
                .operatorActionRetryDelay(Duration.ofMinutes(1));
    }

    @Test
    void theHandshakeAnswersTheChallengeAndHelloOkConnects() throws Exception {
        GatewayConnection connection = connection(fastRetries());

        FakeSocket socket = challenged(connection, 1);
        JsonNode connect = socket.awaitSent(1);
        socket.receive(helloOk(connect.get("id").asText(), 4));

        GatewayInfo info = connection.start().get(5, TimeUnit.SECONDS);
        assertThat(connect.at("/params/auth/token").asText()).isEqualTo("t");
        assertThat(connect.at("/params/minProtocol").asInt()).isEqualTo(3);
        assertThat(info.protocol()).isEqualTo(4);
        assertThat(connection.status().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aCloseReconnectsAndTheFirstEventAfterwardsIsAGap() throws Exception {
        GatewayConnection connection = connection(fastRetries());
        connect(connection, 1);

        sockets.get(0).closeFromGateway(1012, "service restart");
        connect(connection, 2);
        sockets.get(1).receive("{\"type\":\"event\",\"event\":\"tick\",\"payload\":{},\"seq\":1}");

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        assertThat(events.get(0).gap()).isTrue();
        assertThat(statuses).extracting(ConnectionStatus::state).contains(ConnectionState.RECONNECTING);
    }

    @Test
    void aJumpInSeqIsAGapAndReported() throws Exception {
        GatewayConnection connection = connection(fastRetries());
        FakeSocket socket = connect(connection, 1);

        socket.receive("{\"type\":\"event\",\"event\":\"tick\",\"payload\":{},\"seq\":1}");
        socket.receive("{\"type\":\"event\",\"event\":\"tick\",\"payload\":{},\"seq\":4}");

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).extracting(GatewayEvent::gap).containsExactly(false, true);
        assertThat(errors).anyMatch(e -> e.getMessage().contains("expected 2, received 4"));
    }

    @Test
    void aClose1002WithoutARefusalNeedsAnOperatorAndRequestsFailAtOnce() throws Exception {
        GatewayConnection connection = connection(fastRetries());
        connect(connection, 1);

        sockets.get(0).closeFromGateway(1002, "protocol error");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> connection.status().state() == ConnectionState.NEEDS_OPERATOR_ACTION);
        assertThat(connection.request("health", null, Duration.ofSeconds(5), false, null))
                .isCompletedExceptionally();
        assertOnlyTheOperatorDelayIsScheduled();
        assertThat(sockets).hasSize(1);
    }

    @Test
    void aRefusedTokenWaitsForTheOperatorInsteadOfRetrying() throws Exception {
        GatewayConnection connection = connection(fastRetries());
        FakeSocket socket = challenged(connection, 1);
        String id = socket.awaitSent(1).get("id").asText();

        // as recorded in bad-token.jsonl: the refusal, then close 1008
        socket.receive("{\"type\":\"res\",\"id\":\"" + id + "\",\"ok\":false,\"error\":{\"code\":"
                + "\"INVALID_REQUEST\",\"message\":\"unauthorized: gateway token mismatch\",\"details\":{\"code\":"
                + "\"AUTH_TOKEN_MISMATCH\",\"recommendedNextStep\":\"update_auth_credentials\"}}}");
        socket.closeFromGateway(1008, "unauthorized: gateway token mismatch");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> connection.status().state() == ConnectionState.NEEDS_OPERATOR_ACTION);
        assertOnlyTheOperatorDelayIsScheduled();
        assertThat(sockets).hasSize(1);
        assertThat(connection.status().error()).hasMessageContaining("AUTH_TOKEN_MISMATCH");
    }

    /**
     * Once the event thread has handled everything before this call, the only timer task left is the next attempt,
     * after the operator delay (1 min), not a fast retry.
     */
    private void assertOnlyTheOperatorDelayIsScheduled() throws Exception {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        dispatcher.execute(() -> drained.complete(null));
        drained.get(5, TimeUnit.SECONDS);
        assertThat(timer.getQueue())
                .filteredOn(task -> !((Future<?>) task).isCancelled())
                .isNotEmpty()
                .allSatisfy(task ->
                        assertThat(((Delayed) task).getDelay(TimeUnit.SECONDS)).isGreaterThan(30));
    }

    @Test
    void afterTheLastAttemptTheConnectionIsClosedForGood() {
        GatewayConnection connection = connection(fastRetries().maxReconnectAttempts(2));

        connection.start();
        for (int attempt = 1; attempt <= 3; attempt++) {
            awaitSocket(attempt).closeFromGateway(1006, "refused");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> connection.status().state() == ConnectionState.CLOSED);
        assertThat(connection.status().reason()).contains("gave up after 2 reconnect attempts");
        assertThat(sockets).hasSize(3);
    }

    /** Starts (or waits for the reconnect of) the connection and completes handshake number {@code n}. */
    /** Starts the connection and sends its n-th socket the challenge; {@code connect} is its first sent frame. */
    private FakeSocket challenged(GatewayConnection connection, int n) {
        connection.start();
        FakeSocket socket = awaitSocket(n);
        socket.open()
                .receive("{\"type\":\"event\",\"event\":\"connect.challenge\",\"payload\":{\"nonce\":\"n\","
                        + "\"ts\":1}}");
        return socket;
    }

    private FakeSocket connect(GatewayConnection connection, int n) throws Exception {
        FakeSocket socket = challenged(connection, n);
        socket.receive(helloOk(socket.awaitSent(1).get("id").asText(), 4));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.status().state() == ConnectionState.CONNECTED);
        return socket;
    }

    private FakeSocket awaitSocket(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> sockets.size() >= n);
        return sockets.get(n - 1);
    }

    private static String helloOk(String id, int protocol) {
        return "{\"type\":\"res\",\"id\":\"" + id + "\",\"ok\":true,\"payload\":{\"type\":\"hello-ok\",\"protocol\":"
                + protocol + ",\"server\":{\"version\":\"test\"},\"auth\":{\"role\":\"operator\",\"scopes\":"
                + "[\"operator.read\",\"operator.write\"]},\"policy\":{\"maxPayload\":1000000,"
                + "\"maxBufferedBytes\":1000000,\"tickIntervalMs\":30000}}}";
    }

    /** A socket the test plays the gateway of: what the client sent is kept, what the gateway says is scripted. */
    private static final class FakeSocket implements GatewaySocket {
        private final SocketHandler handler;
        private final List<JsonNode> sent = new CopyOnWriteArrayList<>();

        FakeSocket(SocketHandler handler) {
            this.handler = handler;
        }

        FakeSocket open() {
            handler.onOpen(this);
            return this;
        }

        /** The frames of one read from the network. */
        FakeSocket receive(String... frames) {
            for (String frame : frames) {
                handler.onText(this, ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
            }
            handler.onReadEnd(this);
            return this;
        }

        void closeFromGateway(int code, String reason) {
            handler.onClose(this, code, reason, true);
        }

        JsonNode awaitSent(int count) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() >= count);
            return sent.get(count - 1);
        }

        @Override
        public void connect() {}

        @Override
        public void sendText(byte[] utf8) {
            try {
                sent.add(JsonValues.parse(new String(utf8, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close(int code, String reason) {
            handler.onClose(this, code, reason, false);
        }

        @Override
        public void closeConnection(int code, String reason) {
            handler.onClose(this, code, reason, false);
        }

        @Override
        public Exception lastError() {
            return null;
        }
    }
}
