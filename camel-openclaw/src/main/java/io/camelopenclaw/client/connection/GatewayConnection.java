package io.camelopenclaw.client.connection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical connection to a gateway across reconnects: the wiring of the parts that do the work — the
 * {@link SocketFactory} (the socket of each attempt), the {@link Handshake} (its challenge, {@code connect} and
 * timeout), the {@link FrameDecoder} (frames off the reader thread), the {@link ConnectPlan} (what {@code connect}
 * sends, whether {@code hello-ok} is acceptable),
 * the {@link ClosePolicy} (what a close means, when to retry), the {@link EventSequence} (which event follows missed
 * ones), the {@link Requests} (ids, timeouts, answers), the {@link TickWatchdog} and the {@link Readiness} (status and
 * what requests wait on). Everything that changes state runs on the {@link SerialDispatcher}, so no locks are needed.
 */
public final class GatewayConnection {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);

    private final GatewayClientOptions options;
    private final SerialDispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final GatewayConnectionListener listener;
    private final SocketFactory sockets;
    private final ConnectPlan plan;
    private final ClosePolicy closePolicy;
    private final EventSequence sequence = new EventSequence();
    private final FrameDecoder decoder;
    private final Requests requests;
    private final TickWatchdog watchdog;
    private final Readiness readiness;
    private final Inbound inbound = new Inbound();
    private final AtomicBoolean started = new AtomicBoolean();

    private volatile GatewaySocket current;
    private volatile GatewayInfo info;
    private volatile boolean closed;

    // dispatcher-thread state
    private Handshake handshake;
    private GatewayException refusal;
    private boolean everConnected;

    public GatewayConnection(
            GatewayClientOptions options,
            SerialDispatcher dispatcher,
            ScheduledExecutorService timer,
            GatewayConnectionListener listener) {
        this(options, dispatcher, timer, listener, SocketFactory.webSocket(options, dispatcher));
    }

    GatewayConnection(
            GatewayClientOptions options,
            SerialDispatcher dispatcher,
            ScheduledExecutorService timer,
            GatewayConnectionListener listener,
            SocketFactory sockets) {
        this.options = options;
        this.dispatcher = dispatcher;
        this.timer = timer;
        this.listener = listener;
        this.sockets = sockets;
        this.plan = new ConnectPlan(options);
        this.closePolicy = new ClosePolicy(options);
        this.requests = new Requests(timer, this::notConnected);
        this.watchdog = new TickWatchdog(timer, dispatcher);
        this.decoder = new FrameDecoder(dispatcher, inbound, () -> info);
        this.readiness = new Readiness(listener::onStatus);
    }

    /** Starts connecting (once); the future completes on the first {@code hello-ok} or fails on a refusal. */
    public CompletableFuture<GatewayInfo> start() {
        if (started.compareAndSet(false, true)) {
            dispatcher.execute(() -> {
                readiness.set(ConnectionState.CONNECTING, "connecting to " + options.url(), null);
                openSocket();
            });
        }
        return readiness.firstConnect();
    }

    public ConnectionStatus status() {
        return readiness.status();
    }

    /** The latest {@code hello-ok}, or {@code null} before the first one. */
    public GatewayInfo info() {
        return info;
    }

    /**
     * Completes with the {@code hello-ok} of the current connection once it is ready (at once when it is); fails at
     * once while the connection needs operator action or is closed, and with a {@link GatewayTimeoutException} when
     * it is not ready within {@code timeout}.
     */
    public CompletableFuture<GatewayInfo> whenReady(Duration timeout) {
        GatewayException unusable = unusable();
        if (unusable != null) {
            return CompletableFuture.failedFuture(unusable);
        }
        return readiness
                .ready()
                .thenApply(v -> info)
                .copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(
                        e instanceof TimeoutException ? new GatewayTimeoutException(notConnected(timeout)) : e));
    }

    private GatewayException unusable() {
        return closed ? new GatewayConnectionLostException(1000, "client closed") : readiness.unusable();
    }

    /**
     * Sends a request once connected and completes with its final {@code res} payload. Fails at once while the
     * connection needs operator action or is closed; otherwise waits (within {@code timeout}) for a connection.
     *
     * @param expectFinal keep waiting after an {@code accepted} answer (two-phase methods such as {@code agent})
     * @param onAccepted  receives the {@code accepted} payload of a two-phase method; may be {@code null}
     */
    public CompletableFuture<JsonNode> request(
            String method, ObjectNode params, Duration timeout, boolean expectFinal, Consumer<JsonNode> onAccepted) {
        GatewayException unusable = unusable();
        if (unusable != null) {
            return CompletableFuture.failedFuture(unusable);
        }
        Requests.Call call = requests.call(method, params, timeout, expectFinal, onAccepted);
        CompletableFuture<JsonNode> future = call.future();
        readiness.ready().whenComplete((v, notReady) -> {
            GatewaySocket socket = current;
            GatewayInfo gi = info;
            if (future.isDone()) {
                return;
            }
            if (notReady != null) {
                future.completeExceptionally(notReady);
            } else if (socket == null || gi == null) {
                future.completeExceptionally(new GatewayConnectionLostException(1006, "not connected"));
            } else {
                requests.send(socket, gi.policy().maxPayload(), call);
            }
        });
        return future;
    }

    /** {@code Gateway ws://... not connected within 1000 ms (reconnecting in 400 ms)}: why requests waited. */
    private String notConnected(Duration waited) {
        return "Gateway " + options.url() + " not connected within " + waited.toMillis() + " ms ("
                + readiness.status().reason() + ")";
    }

    /** Closes the connection for good; pending requests fail. */
    public void close() {
        closed = true;
        dispatcher.execute(() -> {
            cancelTimers();
            GatewaySocket socket = current;
            current = null;
            if (socket != null) {
                socket.close(1000, "client closing");
            }
            requests.failAll(new GatewayConnectionLostException(1000, "client closed"));
            readiness.closed("closed by the client", null);
        });
    }

    // ------------------------------------------------------------------ dispatcher thread

    private void openSocket() {
        if (closed) {
            return;
        }
        refusal = null;
        closePolicy.attemptStarted();
        long maxFrame = info != null ? info.policy().maxPayload() : GatewayPolicy.DEFAULT.maxPayload();
        GatewaySocket socket = sockets.create(decoder, maxFrame);
        current = socket;
        Handshake attempt = new Handshake(socket, plan, requests, inbound, LOG);
        handshake = attempt;
        attempt.startTimer(
                timer,
                options.connectTimeout(),
                () -> dispatcher.execute(() -> {
                    if (socket == current) {
                        attempt.timerFired(options.url().toString(), options.connectTimeout());
                    }
                }));
        LOG.debug("Connecting to gateway {}", options.url());
        socket.connect();
    }

    /** Closes a socket whose gateway went quiet for two tick intervals (close 4000), so that it reconnects. */
    private void watch(GatewaySocket socket, long tickMs) {
        if (options.tickWatchdog()) {
            watchdog.start(tickMs, silentMs -> {
                if (socket == current && handshake.isReady()) {
                    LOG.warn(
                            "No frame from gateway {} for {} ms (tick interval {} ms); reconnecting",
                            options.url(),
                            silentMs,
                            tickMs);
                    socket.closeConnection(4000, "tick timeout");
                }
            });
        }
    }

    /** The gateway refuses this client until an operator acts: requests fail at once, retries slow down. */
    private void refuse(GatewayException e) {
        refusal = e;
        closePolicy.operatorHint(e.retryAfterMs());
        readiness.needsOperator(e);
        LOG.warn("Gateway {} needs operator action: {}", options.url(), e.getMessage());
        listener.onError(e);
    }

    private void scheduleReconnect(long delayMs) {
        timer.schedule(
                () -> dispatcher.execute(() -> {
                    if (!closed && current == null) {
                        openSocket();
                    }
                }),
                delayMs,
                TimeUnit.MILLISECONDS);
    }

    private void malformed(GatewaySocket socket, String what) {
        if (socket != current) {
            return;
        }
        LOG.warn("Ignoring malformed frame from gateway {}: {}", options.url(), what);
        listener.onError(new GatewayProtocolException("Malformed gateway frame ignored: " + what));
    }

    private void cancelTimers() {
        if (handshake != null) {
            handshake.cancelTimer();
        }
        watchdog.stop();
    }

    /** What the decoder and the handshake hand over, on the dispatcher thread. */
    private final class Inbound implements FrameDecoder.Inbound, Handshake.Outcome {

        @Override
        public void opened(GatewaySocket socket) {
            watchdog.inbound();
            if (socket == current) {
                handshake.opened();
            }
        }

        @Override
        public void ready(GatewaySocket socket, GatewayInfo hello) {
            info = hello;
            sequence.restart(everConnected);
            boolean reconnect = everConnected;
            everConnected = true;
            closePolicy.connected();
            watch(socket, hello.policy().tickIntervalMs());
            readiness.connected(
                    hello,
                    "connected to " + options.url() + " (protocol " + hello.protocol() + ", gateway "
                            + hello.serverVersion() + ")");
            LOG.info(
                    "Connected to OpenClaw gateway {} (protocol {}, version {}, scopes {})",
                    options.url(),
                    hello.protocol(),
                    hello.serverVersion(),
                    plan.grantedScopes(hello));
            listener.onConnected(hello, reconnect);
        }

        @Override
        public void refused(GatewayException refused, boolean needsOperator) {
            if (needsOperator) {
                refuse(refused);
            } else {
                refusal = refused;
                closePolicy.retryAfter(refused.retryAfterMs());
                listener.onError(refused);
            }
        }

        @Override
        public void timedOut(GatewayTimeoutException timeout) {
            listener.onError(timeout);
        }

        @Override
        public void frameArrived() {
            watchdog.inbound();
        }

        @Override
        public boolean isEssential(String eventName, LazyJsonObject payload) {
            return listener.isEssential(eventName, payload);
        }

        @Override
        public boolean wantsPayloadTrees() {
            return listener.wantsPayloadTrees();
        }

        @Override
        public void response(GatewaySocket socket, JsonNode frame) {
            if (socket != current) {
                return;
            }
            Frames.trace(LOG, "recv", frame);
            String id = JsonValues.text(frame, "id");
            if (handshake.isHello(id)) {
                handshake.hello(frame);
            } else if (!requests.complete(id, frame)) {
                LOG.debug("Gateway answered request {} that nobody waits for", id);
            }
        }

        @Override
        public void event(GatewaySocket socket, String name, LazyJsonObject payload, Long seq, long receivedAt) {
            if (socket != current) {
                return;
            }
            Frames.traceEvent(LOG, name, payload, seq);
            if ("connect.challenge".equals(name)) {
                handshake.challenge(payload.tree());
                return;
            }
            if (!handshake.isReady()) {
                return;
            }
            boolean gap = sequence.next(seq, info.protocol() >= 4, decoder.takeDropped());
            if (sequence.lastJump() != null) {
                listener.onError(new GatewayProtocolException("Gateway event sequence gap: " + sequence.lastJump()));
            }
            if ("shutdown".equals(name)) {
                Long restart = payload.number("restartExpectedMs");
                closePolicy.restartExpected(restart);
                LOG.info(
                        "Gateway {} is shutting down ({}), restart expected in {} ms",
                        options.url(),
                        payload.text("reason"),
                        restart);
            }
            listener.onEvent(new GatewayEvent(name, payload, seq, gap, receivedAt));
        }

        @Override
        public void closed(GatewaySocket socket, int code, String reason) {
            if (socket != current) {
                return;
            }
            current = null;
            boolean wasReady = handshake.isReady();
            cancelTimers();
            readiness.disconnected();
            requests.failAll(new GatewayConnectionLostException(code, reason));
            if (closed) {
                return;
            }
            if (wasReady) {
                listener.onDisconnected();
            }
            ClosePolicy.Decision decision = closePolicy.afterClose(code, readiness.needsOperator(), refusal != null);
            switch (decision.action()) {
                case AWAIT_OPERATOR -> scheduleReconnect(decision.delayMs());
                case PROTOCOL_MISMATCH -> {
                    refuse(new GatewayConnectException(
                            "Gateway closed the connection: protocol mismatch (1002 " + reason + ")",
                            GatewayError.NONE,
                            true));
                    scheduleReconnect(decision.delayMs());
                }
                case GIVE_UP -> {
                    GatewayConnectionLostException e = new GatewayConnectionLostException(
                            code, "gave up after " + options.maxReconnectAttempts() + " reconnect attempts");
                    closed = true;
                    readiness.closed(e.getMessage(), e);
                }
                case RECONNECT -> {
                    String why = Frames.closeReason(reason, socket.lastError());
                    GatewayException cause = refusal != null ? refusal : new GatewayConnectionLostException(code, why);
                    readiness.set(
                            everConnected ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING,
                            "connection closed (" + code + (why.isEmpty() ? "" : " " + why) + "); reconnecting in "
                                    + decision.delayMs() + " ms",
                            cause);
                    scheduleReconnect(decision.delayMs());
                }
            }
        }

        @Override
        public void oversized(GatewaySocket socket, long size, long limit) {
            if (socket != current) {
                return;
            }
            listener.onError(new PayloadTooLargeException("Inbound gateway frame", size, limit));
            socket.closeConnection(1009, "message too big");
        }

        @Override
        public void malformed(GatewaySocket socket, String what) {
            GatewayConnection.this.malformed(socket, what);
        }

        @Override
        public void socketError(Exception error) {
            LOG.debug("Gateway socket error ({}): {}", options.url(), error.toString());
        }
    }
}
