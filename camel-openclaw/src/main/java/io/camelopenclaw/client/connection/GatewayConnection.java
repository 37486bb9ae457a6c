package io.camelopenclaw.client.connection;

import io.camelopenclaw.client.json.JsonValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.auth.DeviceToken;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One logical connection to a gateway across reconnects: the handshake, request/response correlation, event
 * sequencing, the tick watchdog, limits and the reconnect policy. The socket reader only decodes frames; everything
 * that changes state runs on the {@link SerialDispatcher}, so no locks are needed.
 */
public final class GatewayConnection implements SocketHandler {

    /** What the connection reports upwards; called on the dispatcher thread unless noted. */
    public interface Listener {
        /** Called on the socket reader thread: must be fast. Events of runs this client tracks are never dropped. */
        boolean isEssential(String eventName, JsonNode payload);

        void onEvent(GatewayEvent event);

        void onConnected(GatewayInfo info, boolean reconnect);

        void onDisconnected();

        void onStatus(ConnectionStatus status);

        void onError(GatewayException error);
    }

    private enum Phase { OPENING, AWAITING_CHALLENGE, AWAITING_HELLO, READY }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
    private static final long STARTUP_HINT_MIN_MS = 100;
    private static final long STARTUP_HINT_MAX_MS = 2000;

    private final GatewayClientOptions options;
    private final SerialDispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final Listener listener;
    private final Backoff backoff;
    private final SSLContext sslContext;
    private final PendingRequests pending = new PendingRequests();
    private final CompletableFuture<GatewayInfo> firstConnect = new CompletableFuture<>();
    private final AtomicLong requestCounter = new AtomicLong();
    private final String idPrefix = Long.toString(System.nanoTime() & 0xffffff, 36) + ":";
    private final AtomicBoolean droppedSinceDelivery = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    private volatile GatewaySocket current;
    private volatile GatewayInfo info;
    private volatile ConnectionStatus status = new ConnectionStatus(ConnectionState.NEW, null, null);
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile long lastInboundNanos;
    private volatile boolean closed;

    // dispatcher-thread state
    private Phase phase = Phase.OPENING;
    private String connectRequestId;
    private ConnectRequest connectRequest;
    private GatewayConnectException connectRefusal;
    private Long retryHintMs;
    private Long expectedSeq;
    private boolean gapPending;
    private int failedAttempts;
    private boolean everConnected;
    private ScheduledFuture<?> handshakeTimer;
    private ScheduledFuture<?> watchdogTimer;

    public GatewayConnection(GatewayClientOptions options, SerialDispatcher dispatcher, ScheduledExecutorService timer,
            Listener listener) {
        this.options = options;
        this.dispatcher = dispatcher;
        this.timer = timer;
        this.listener = listener;
        this.backoff = new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(), options.reconnectJitter());
        this.sslContext = "wss".equalsIgnoreCase(options.url().getScheme())
                ? TlsSupport.context(options.sslContext(), options.certificateFingerprint()) : null;
    }

    /** Starts connecting (once); the future completes on the first {@code hello-ok} or fails on a refusal. */
    public CompletableFuture<GatewayInfo> start() {
        if (started.compareAndSet(false, true)) {
            dispatcher.execute(() -> {
                setStatus(ConnectionState.CONNECTING, "connecting to " + options.url(), null);
                openSocket();
            });
        }
        return firstConnect;
    }

    public ConnectionStatus status() {
        return status;
    }

    /** The latest {@code hello-ok}, or {@code null} before the first one. */
    public GatewayInfo info() {
        return info;
    }

    /** Completes with the {@code hello-ok} of the current connection once it is ready (at once when it is). */
    public CompletableFuture<GatewayInfo> whenReady() {
        GatewayException refusal = unusable();
        return refusal != null ? CompletableFuture.failedFuture(refusal) : ready.thenApply(v -> info);
    }

    /** Why requests cannot be sent now (closed, or waiting for an operator), or {@code null}. */
    private GatewayException unusable() {
        ConnectionStatus s = status;
        if (closed || s.state() == ConnectionState.CLOSED) {
            return s.error() != null ? s.error() : new GatewayConnectionLostException(1000, "client closed");
        }
        return s.state() == ConnectionState.NEEDS_OPERATOR_ACTION ? s.error() : null;
    }

    /**
     * Sends a request once connected and completes with its final {@code res} payload. Fails at once while the
     * connection needs operator action or is closed; otherwise waits (within {@code timeout}) for a connection.
     *
     * @param expectFinal keep waiting after an {@code accepted} answer (two-phase methods such as {@code agent})
     * @param onAccepted  receives the {@code accepted} payload of a two-phase method; may be {@code null}
     */
    public CompletableFuture<JsonNode> request(String method, ObjectNode params, Duration timeout, boolean expectFinal,
            Consumer<JsonNode> onAccepted) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        GatewayException refusal = unusable();
        if (refusal != null) {
            future.completeExceptionally(refusal);
            return future;
        }
        if (timeout != null) {
            ScheduledFuture<?> t = timer.schedule(() -> future.completeExceptionally(new GatewayTimeoutException(
                    "Gateway method " + method + " got no answer within " + timeout.toMillis() + " ms")),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            future.whenComplete((r, e) -> t.cancel(false));
        }
        ready.whenComplete((v, notReady) -> {
            if (notReady != null) {
                future.completeExceptionally(notReady);
            } else {
                send(method, params, expectFinal, onAccepted, future);
            }
        });
        return future;
    }

    private void send(String method, ObjectNode params, boolean expectFinal, Consumer<JsonNode> onAccepted,
            CompletableFuture<JsonNode> future) {
        if (future.isDone()) {
            return;
        }
        GatewaySocket socket = current;
        GatewayInfo gi = info;
        if (socket == null || gi == null) {
            future.completeExceptionally(new GatewayConnectionLostException(1006, "not connected"));
            return;
        }
        String id = idPrefix + requestCounter.incrementAndGet();
        ObjectNode frame = frame(id, method, params);
        byte[] utf8 = JsonValues.utf8(frame);
        long limit = gi.policy().maxPayload();
        if (utf8.length > limit) {
            future.completeExceptionally(new PayloadTooLargeException("Request frame for " + method, utf8.length,
                    limit));
            return;
        }
        pending.register(id, method, expectFinal, future, onAccepted);
        trace("send", frame);
        try {
            socket.sendText(utf8);
        } catch (RuntimeException e) {
            future.completeExceptionally(new GatewayConnectionLostException(1006, "send failed: " + e.getMessage()));
        }
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
            GatewayConnectionLostException e = new GatewayConnectionLostException(1000, "client closed");
            pending.failAll(e);
            ready.completeExceptionally(e);
            firstConnect.completeExceptionally(e);
            setStatus(ConnectionState.CLOSED, "closed by the client", null);
        });
    }

    // ------------------------------------------------------------------ socket callbacks (reader thread)

    @Override
    public void onOpen(GatewaySocket socket) {
        lastInboundNanos = System.nanoTime();
        dispatcher.execute(() -> {
            if (socket == current && phase == Phase.OPENING) {
                phase = Phase.AWAITING_CHALLENGE;
            }
        });
    }

    @Override
    public void onText(GatewaySocket socket, ByteBuffer utf8) {
        lastInboundNanos = System.nanoTime();
        long limit = info != null ? info.policy().maxPayload() : GatewayPolicy.DEFAULT.maxPayload();
        int size = utf8.remaining();
        if (size > limit) {
            dispatcher.execute(() -> oversized(socket, size, limit));
            return;
        }
        JsonNode frame;
        try {
            frame = JsonValues.MAPPER.readTree(utf8.array(), utf8.arrayOffset() + utf8.position(), size);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            dispatcher.execute(() -> malformed(socket, "not JSON: " + why));
            return;
        }
        String type = JsonValues.text(frame, "type");
        if ("res".equals(type)) {
            dispatcher.execute(() -> handleResponse(socket, frame));
        } else if ("event".equals(type)) {
            String name = JsonValues.text(frame, "event");
            JsonNode payload = frame.get("payload");
            long receivedAt = System.currentTimeMillis();
            Runnable task = () -> handleEvent(socket, name, payload, JsonValues.number(frame, "seq"), receivedAt, frame);
            if (name == null || isControlEvent(name) || listener.isEssential(name, payload)) {
                dispatcher.execute(task);
            } else if (!dispatcher.tryExecuteDroppable(task)) {
                droppedSinceDelivery.set(true);
            }
        } else {
            dispatcher.execute(() -> malformed(socket, "unknown frame type " + type));
        }
    }

    @Override
    public void onClose(GatewaySocket socket, int code, String reason, boolean remote) {
        dispatcher.execute(() -> handleClose(socket, code, reason));
    }

    @Override
    public void onError(GatewaySocket socket, Exception error) {
        LOG.debug("Gateway socket error ({}): {}", options.url(), error.toString());
    }

    // ------------------------------------------------------------------ dispatcher thread

    private static boolean isControlEvent(String name) {
        return switch (name) {
            case "connect.challenge", "tick", "shutdown" -> true;
            default -> false;
        };
    }

    private void openSocket() {
        if (closed) {
            return;
        }
        connectRefusal = null;
        retryHintMs = null;
        phase = Phase.OPENING;
        long maxFrame = info != null ? info.policy().maxPayload() : GatewayPolicy.DEFAULT.maxPayload();
        GatewaySocket socket = GatewaySocket.create(options.url(), options.origin(), options.extraHeaders(), maxFrame,
                options.connectTimeout().toMillis(), sslContext, options.certificateFingerprint() != null, this);
        current = socket;
        handshakeTimer = timer.schedule(() -> dispatcher.execute(() -> handshakeTimedOut(socket)),
                options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        LOG.debug("Connecting to gateway {}", options.url());
        socket.connect();
    }

    private void handshakeTimedOut(GatewaySocket socket) {
        if (socket != current || phase == Phase.READY) {
            return;
        }
        GatewayTimeoutException e = new GatewayTimeoutException("No hello-ok from gateway " + options.url() + " within "
                                                                + options.connectTimeout().toMillis() + " ms (phase "
                                                                + phase + ")");
        listener.onError(e);
        socket.closeConnection(1000, "handshake timeout");
    }

    private void handleResponse(GatewaySocket socket, JsonNode frame) {
        if (socket != current) {
            return;
        }
        trace("recv", frame);
        String id = JsonValues.text(frame, "id");
        boolean ok = Boolean.TRUE.equals(JsonValues.bool(frame, "ok"));
        if (phase == Phase.AWAITING_HELLO && id != null && id.equals(connectRequestId)) {
            handleHello(socket, ok, frame.get("payload"), frame.get("error"));
            return;
        }
        if (id == null || !pending.complete(id, ok, frame.get("payload"),
                ok ? null : GatewayErrors.parse(frame.get("error")), GatewayErrors::forMethod)) {
            LOG.debug("Gateway answered request {} that nobody waits for", id);
        }
    }

    private void handleEvent(GatewaySocket socket, String name, JsonNode payload, Long seq, long receivedAt,
            JsonNode frame) {
        if (socket != current) {
            return;
        }
        if (LOG.isTraceEnabled()) {
            trace("recv", frame);
        }
        if ("connect.challenge".equals(name)) {
            if (phase == Phase.AWAITING_CHALLENGE || phase == Phase.OPENING) {
                sendConnect(socket, payload);
            }
            return;
        }
        if (phase != Phase.READY) {
            return;
        }
        boolean gap = gapPending | droppedSinceDelivery.getAndSet(false);
        gapPending = false;
        if (seq != null && info.protocol() >= 4) {
            if (expectedSeq != null && seq > expectedSeq) {
                gap = true;
                listener.onError(new GatewayProtocolException("Gateway event sequence gap: expected " + expectedSeq
                                                              + ", received " + seq));
            }
            expectedSeq = seq + 1;
        }
        if ("shutdown".equals(name)) {
            retryHintMs = JsonValues.number(payload, "restartExpectedMs");
            LOG.info("Gateway {} is shutting down ({}), restart expected in {} ms", options.url(),
                    JsonValues.text(payload, "reason"), retryHintMs);
        }
        listener.onEvent(new GatewayEvent(name, payload, seq, gap, receivedAt));
    }

    private void sendConnect(GatewaySocket socket, JsonNode challenge) {
        String nonce = JsonValues.text(challenge, "nonce");
        Long ts = JsonValues.number(challenge, "ts");
        if (nonce == null || ts == null || ts < 0) {
            malformed(socket, "connect.challenge without nonce or ts");
            return;
        }
        DeviceIdentityStore store = options.deviceIdentityStore();
        DeviceIdentity identity = null;
        DeviceToken stored = null;
        try {
            if (store != null) {
                identity = store.identity();
                stored = store.deviceToken(options.url().toString(), ConnectRequest.ROLE).orElse(null);
            }
        } catch (RuntimeException e) {
            refuse(new GatewayConnectException("Device identity unavailable: " + e.getMessage(),
                    io.camelopenclaw.client.error.GatewayError.NONE, true));
            socket.close(1000, "device identity unavailable");
            return;
        }
        connectRequest = ConnectRequest.build(options, nonce, ts, identity, stored);
        connectRequestId = idPrefix + requestCounter.incrementAndGet();
        phase = Phase.AWAITING_HELLO;
        ObjectNode frame = frame(connectRequestId, "connect", connectRequest.params());
        trace("send", frame);
        socket.sendText(JsonValues.utf8(frame));
    }

    private void handleHello(GatewaySocket socket, boolean ok, JsonNode payload, JsonNode error) {
        if (!ok) {
            GatewayConnectException refusal = GatewayErrors.forConnect(GatewayErrors.parse(error));
            if (connectRequest.deviceTokenOnly() && "AUTH_DEVICE_TOKEN_MISMATCH".equals(refusal.detailsCode())) {
                options.deviceIdentityStore().clearDeviceToken(options.url().toString(), ConnectRequest.ROLE);
            }
            if (refusal.needsOperatorAction()) {
                refuse(refusal);
            } else {
                connectRefusal = refusal;
                Long hint = refusal.retryAfterMs();
                retryHintMs = hint == null ? null : Math.max(STARTUP_HINT_MIN_MS, Math.min(STARTUP_HINT_MAX_MS, hint));
                listener.onError(refusal);
            }
            return; // the gateway closes the socket next
        }
        GatewayInfo hello = HelloOk.parse(payload);
        if (hello.protocol() < options.minProtocol() || hello.protocol() > options.maxProtocol()) {
            refuse(new GatewayConnectException("Gateway negotiated protocol " + hello.protocol()
                                               + " outside the offered range", io.camelopenclaw.client.error.GatewayError.NONE, true));
            socket.close(1002, "protocol mismatch");
            return;
        }
        storeDeviceToken(payload.get("auth"));
        List<String> granted = grantedScopes(hello);
        List<String> missing = granted == null ? List.of() : Scopes.missing(options.requiredScopes(), granted);
        if (!missing.isEmpty()) {
            MissingScopeException e = new MissingScopeException(missing, granted);
            refuseWith(e);
            socket.close(1000, "missing scope");
            return;
        }
        info = hello;
        phase = Phase.READY;
        expectedSeq = null;
        gapPending = everConnected;
        boolean reconnect = everConnected;
        everConnected = true;
        failedAttempts = 0;
        cancel(handshakeTimer);
        startWatchdog(socket, hello.policy().tickIntervalMs());
        setStatus(ConnectionState.CONNECTED, "connected to " + options.url() + " (protocol " + hello.protocol()
                                              + ", gateway " + hello.serverVersion() + ")", null);
        LOG.info("Connected to OpenClaw gateway {} (protocol {}, version {}, scopes {})", options.url(),
                hello.protocol(), hello.serverVersion(), granted);
        ready.complete(null);
        firstConnect.complete(hello);
        listener.onConnected(hello, reconnect);
    }

    /** The granted scopes; {@code null} when unknown. A protocol-3 gateway clears the scopes of device-less clients without saying so. */
    private List<String> grantedScopes(GatewayInfo hello) {
        if (hello.grantedScopes() != null) {
            return hello.grantedScopes();
        }
        return hello.protocol() < 4 && options.deviceIdentityStore() == null ? List.of() : null;
    }

    private void storeDeviceToken(JsonNode auth) {
        DeviceIdentityStore store = options.deviceIdentityStore();
        if (store == null || auth == null || !auth.hasNonNull("deviceToken")) {
            return;
        }
        List<String> scopes = JsonValues.texts(auth, "scopes");
        store.saveDeviceToken(options.url().toString(), new DeviceToken(auth.get("deviceToken").asText(),
                ConnectRequest.ROLE, scopes == null ? options.scopes() : scopes, JsonValues.number(auth, "issuedAtMs")));
    }

    private void refuse(GatewayConnectException e) {
        connectRefusal = e;
        refuseWith(e);
    }

    private void refuseWith(GatewayException e) {
        Long hint = e.retryAfterMs();
        retryHintMs = hint;
        setStatus(ConnectionState.NEEDS_OPERATOR_ACTION, e.getMessage(), e);
        if (!ready.isDone()) {
            CompletableFuture<Void> waiting = ready;
            ready = new CompletableFuture<>();
            waiting.completeExceptionally(e); // requests queued for a connection that needs an operator fail now
        }
        LOG.warn("Gateway {} needs operator action: {}", options.url(), e.getMessage());
        firstConnect.completeExceptionally(e);
        listener.onError(e);
    }

    private void handleClose(GatewaySocket socket, int code, String reason) {
        if (socket != current) {
            return;
        }
        current = null;
        boolean wasReady = phase == Phase.READY;
        cancelTimers();
        if (ready.isDone()) {
            ready = new CompletableFuture<>(); // requests made from now on wait for the next hello-ok
        }
        pending.failAll(new GatewayConnectionLostException(code, reason));
        if (closed) {
            return;
        }
        if (wasReady) {
            listener.onDisconnected();
        }
        if (status.state() == ConnectionState.NEEDS_OPERATOR_ACTION) {
            long delay = Math.max(options.operatorActionRetryDelay().toMillis(), retryHintMs == null ? 0 : retryHintMs);
            scheduleReconnect(delay);
            return;
        }
        if (code == 1002 && connectRefusal == null) {
            refuse(new GatewayConnectException("Gateway closed the connection: protocol mismatch (1002 " + reason + ")",
                    io.camelopenclaw.client.error.GatewayError.NONE, true));
            scheduleReconnect(options.operatorActionRetryDelay().toMillis());
            return;
        }
        failedAttempts++;
        if (options.maxReconnectAttempts() > 0 && failedAttempts > options.maxReconnectAttempts()) {
            GatewayConnectionLostException e = new GatewayConnectionLostException(code, "gave up after "
                                                                                        + options.maxReconnectAttempts()
                                                                                        + " reconnect attempts");
            firstConnect.completeExceptionally(e);
            ready.completeExceptionally(e);
            closed = true;
            setStatus(ConnectionState.CLOSED, e.getMessage(), e);
            return;
        }
        long delay = retryHintMs != null ? retryHintMs : backoff.delayMs(failedAttempts - 1);
        Exception socketError = socket.lastError();
        String why = socketError == null ? reason : (reason == null || reason.isEmpty() ? "" : reason + ": ")
                                                    + rootMessage(socketError);
        GatewayException cause = connectRefusal != null ? connectRefusal : new GatewayConnectionLostException(code, why);
        setStatus(everConnected ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING,
                "connection closed (" + code + (why == null || why.isEmpty() ? "" : " " + why)
                                                                        + "); reconnecting in " + delay + " ms",
                cause);
        scheduleReconnect(delay);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private void scheduleReconnect(long delayMs) {
        timer.schedule(() -> dispatcher.execute(() -> {
            if (!closed && current == null) {
                openSocket();
            }
        }), delayMs, TimeUnit.MILLISECONDS);
    }

    private void startWatchdog(GatewaySocket socket, long tickMs) {
        if (!options.tickWatchdog() || tickMs <= 0) {
            return;
        }
        watchdogTimer = timer.scheduleAtFixedRate(() -> dispatcher.execute(() -> checkLiveness(socket, tickMs)),
                tickMs, tickMs, TimeUnit.MILLISECONDS);
    }

    private void checkLiveness(GatewaySocket socket, long tickMs) {
        if (socket != current || phase != Phase.READY) {
            return;
        }
        long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastInboundNanos);
        if (silentMs > 2 * tickMs) {
            LOG.warn("No frame from gateway {} for {} ms (tick interval {} ms); reconnecting", options.url(), silentMs,
                    tickMs);
            socket.closeConnection(4000, "tick timeout");
        }
    }

    private void oversized(GatewaySocket socket, long size, long limit) {
        if (socket != current) {
            return;
        }
        listener.onError(new PayloadTooLargeException("Inbound gateway frame", size, limit));
        socket.closeConnection(1009, "message too big");
    }

    private void malformed(GatewaySocket socket, String what) {
        if (socket != current) {
            return;
        }
        LOG.warn("Ignoring malformed frame from gateway {}: {}", options.url(), what);
        listener.onError(new GatewayProtocolException("Malformed gateway frame ignored: " + what));
    }

    private void setStatus(ConnectionState state, String reason, GatewayException error) {
        ConnectionStatus s = new ConnectionStatus(state, reason, error);
        status = s;
        listener.onStatus(s);
    }

    private void cancelTimers() {
        cancel(handshakeTimer);
        cancel(watchdogTimer);
        handshakeTimer = null;
        watchdogTimer = null;
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    private static ObjectNode frame(String id, String method, ObjectNode params) {
        ObjectNode frame = JsonValues.MAPPER.createObjectNode();
        frame.put("type", "req");
        frame.put("id", id);
        frame.put("method", method);
        if (params != null) {
            frame.set("params", params);
        }
        return frame;
    }

    private static void trace(String direction, JsonNode frame) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}", direction, FrameRedactor.redact(frame));
        }
    }
}
