package io.camelopenclaw.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayEventListener;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.SessionKeys;
import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.connection.GatewayConnection;
import io.camelopenclaw.client.connection.GatewayConnectionListener;
import io.camelopenclaw.client.connection.SerialDispatcher;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;
import io.camelopenclaw.client.run.AbortRequests;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.FinishedRun;
import io.camelopenclaw.client.run.RunTracker;
import io.camelopenclaw.client.run.RunTransport;
import io.camelopenclaw.client.run.SessionHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for one OpenClaw gateway (protocol 3 and 4) over one WebSocket: handshake with token, password or device
 * identity, requests correlated by id, agent runs aggregated from the event stream, events for listeners, and
 * reconnects with backoff. It uses three threads however many runs are in flight: the socket reader, one event thread
 * (listeners, futures and run bookkeeping, in arrival order) and one timer. Futures returned by this class complete on
 * the event thread: do not block in their callbacks; use the {@code *Async} variants to move work elsewhere.
 */
public final class GatewayClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long SWEEP_INTERVAL_MS = 100;

    private final GatewayClientOptions options;
    private final SerialDispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final GatewayConnection connection;
    private final Transport transport;
    private final RunTracker runs;
    private final List<GatewayEventListener> eventListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();

    private GatewayClient(GatewayClientOptions options) {
        this.options = options;
        int n = INSTANCES.incrementAndGet();
        this.dispatcher = new SerialDispatcher("openclaw-client-" + n + "-events", options.eventQueueCapacity());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openclaw-client-" + n + "-timer");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true); // every request's timeout is cancelled on its answer: drop it at once
        this.timer = scheduler;
        this.connection = new GatewayConnection(options, dispatcher, timer, new ConnectionEvents());
        this.transport = new Transport();
        this.runs = new RunTracker(
                transport, options.requestTimeout(), options.reattachTimeout(), options.abortWaitTimeout());
        timer.scheduleAtFixedRate(
                () -> dispatcher.execute(runs::sweep), SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** A client for these options; call {@link #connect()} to start it. */
    public static GatewayClient create(GatewayClientOptions options) {
        return new GatewayClient(options);
    }

    /**
     * Starts connecting (idempotent). The future completes with the first {@code hello-ok}, or fails with a
     * {@link GatewayConnectException} / {@link MissingScopeException}
     * when the gateway refuses in a way that needs an operator; transient failures are retried in the background
     * meanwhile.
     */
    public CompletableFuture<GatewayInfo> connect() {
        return connection.start();
    }

    public GatewayClientOptions options() {
        return options;
    }

    /** The connection's current state. */
    public ConnectionStatus status() {
        return connection.status();
    }

    /** The latest {@code hello-ok}, or {@code null} before the first. */
    public GatewayInfo info() {
        return connection.info();
    }

    /** Calls a gateway method with the default request timeout; {@code params} is a Map, POJO, JSON text or null. */
    public CompletableFuture<JsonNode> request(String method, Object params) {
        return request(method, params, options.requestTimeout());
    }

    /**
     * Calls a gateway method and completes with the final answer's payload, or fails with a typed
     * {@link GatewayException} (the gateway's {@code code} and {@code details.code} included). Two-phase methods
     * ({@code agent}) complete on their final answer.
     */
    public CompletableFuture<JsonNode> request(String method, Object params, Duration timeout) {
        ObjectNode node;
        try {
            node = JsonValues.toObject(params);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(
                    new GatewayException("Invalid params for " + method + ": " + e.getMessage(), e));
        }
        return connection.request(method, node, timeout, "agent".equals(method), null);
    }

    /** Starts an agent run; see {@link AgentRun}. The run is registered before its frame is written. */
    public AgentRun startRun(AgentRunRequest request) {
        return runs.start(request);
    }

    /** Aborts a run this client started, if it is still in flight. */
    public CompletableFuture<Void> abortRun(String runId) {
        return runs.abort(runId);
    }

    /**
     * Aborts a session's current run, or only run {@code runId} of it when given, whoever started it
     * ({@code chat.abort}); completes with the gateway's answer {@code {ok, aborted, runIds}}.
     */
    public CompletableFuture<JsonNode> abortSession(String sessionKey, String runId) {
        return AbortRequests.chatAbort(transport, sessionKey, runId, options.requestTimeout());
    }

    /** Aborts a run by id wherever it runs ({@code sessions.abort}); completes with the gateway's answer. */
    public CompletableFuture<JsonNode> abortRunAnywhere(String runId) {
        return AbortRequests.sessionsAbort(transport, runId, options.requestTimeout());
    }

    /**
     * The keys of all the gateway's sessions ({@code sessions.list}, page by page), most recently updated first; see
     * {@link SessionHistory#sessionKeys}.
     */
    public CompletableFuture<List<String>> sessionKeys() {
        return SessionHistory.sessionKeys(transport, options.requestTimeout());
    }

    /**
     * The runs that ended among the newest {@code limit} {@code chat.history} messages of a session, oldest first;
     * see {@link SessionHistory#finishedRuns}. Fails on protocol 3 gateways, whose history has no run ids.
     */
    public CompletableFuture<List<FinishedRun>> finishedRuns(String sessionKey, int limit) {
        return SessionHistory.finishedRuns(
                transport, SessionKeys.canonical(sessionKey, null, info()), limit, options.requestTimeout());
    }

    /** Number of this client's runs in flight. */
    public int activeRuns() {
        return runs.activeRuns();
    }

    /** Adds an event listener; it sees every event, in arrival order, on the event thread. */
    public Subscription addEventListener(GatewayEventListener listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /** Adds a connection listener; it is told the current status at once. */
    public Subscription addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
        dispatcher.execute(() -> listener.onStatus(connection.status()));
        return () -> connectionListeners.remove(listener);
    }

    /** Aborts the runs in flight, closes the connection and stops the client's threads. */
    @Override
    public void close() {
        dispatcher.execute(() -> {
            runs.abortAll("gateway client closed"); // the abort frames are written before the socket closes
            connection.close();
            timer.shutdown(); // after the aborts scheduled their timeouts; delayed tasks still run
        });
        dispatcher.shutdown();
    }

    @Override
    public String toString() {
        return "GatewayClient[" + options.url() + ", " + connection.status().state() + "]";
    }

    private void forEachConnectionListener(Consumer<ConnectionListener> action) {
        for (ConnectionListener l : connectionListeners) {
            try {
                action.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Connection listener failed", e);
            }
        }
    }

    /** Connection callbacks, on the event thread. */
    private final class ConnectionEvents implements GatewayConnectionListener {
        @Override
        public boolean isEssential(String eventName, LazyJsonObject payload) {
            return ("chat".equals(eventName) || "agent".equals(eventName)) && runs.isTracked(payload.text("runId"));
        }

        /** Listeners read every event whole; the run tracker alone reads only the fields it needs. */
        @Override
        public boolean wantsPayloadTrees() {
            return !eventListeners.isEmpty();
        }

        @Override
        public void onEvent(GatewayEvent event) {
            try {
                runs.onEvent(event);
            } catch (RuntimeException e) {
                reportError(new GatewayException("Run bookkeeping failed on " + event.name() + " event: " + e, e));
            }
            for (GatewayEventListener l : eventListeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    reportError(new GatewayException("Event listener failed on " + event.name() + ": " + e, e));
                }
            }
        }

        @Override
        public void onConnected(GatewayInfo info, boolean reconnect) {
            if (reconnect) {
                runs.onReconnected();
            }
            forEachConnectionListener(l -> l.onConnected(info, reconnect));
        }

        @Override
        public void onDisconnected() {
            runs.onDisconnected();
        }

        @Override
        public void onStatus(ConnectionStatus status) {
            forEachConnectionListener(l -> l.onStatus(status));
        }

        @Override
        public void onError(GatewayException error) {
            reportError(error);
        }

        private void reportError(GatewayException error) {
            forEachConnectionListener(l -> l.onError(error));
        }
    }

    /** What the run tracker may use of the connection. */
    private final class Transport implements RunTransport {
        @Override
        public CompletableFuture<JsonNode> request(
                String method,
                ObjectNode params,
                Duration timeout,
                boolean expectFinal,
                Consumer<JsonNode> onAccepted) {
            return connection.request(method, params, timeout, expectFinal, onAccepted);
        }

        @Override
        public GatewayInfo info() {
            return connection.info();
        }

        @Override
        public CompletableFuture<GatewayInfo> whenReady(Duration timeout) {
            return connection.whenReady(timeout);
        }

        @Override
        public void execute(Runnable task) {
            dispatcher.execute(task);
        }

        @Override
        public void runOnEventThread(Runnable task) {
            dispatcher.runHereOrExecute(task);
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            timer.schedule(() -> dispatcher.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void reportError(RuntimeException error) {
            GatewayException e = error instanceof GatewayException ge
                    ? ge
                    : new GatewayException("Run chunk listener failed: " + error, error);
            forEachConnectionListener(l -> l.onError(e));
        }
    }
}
