package io.camelopenclaw.testgateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process OpenClaw gateway for tests: speaks the gateway WebSocket protocol as recorded from real gateways
 * (protocol 4 as openclaw 2026.9.6, or protocol 3 as 2026.3.13), runs scripted agents chosen by keywords in the
 * user message, and injects faults on demand.
 *
 * <pre>{@code
 * try (TestGateway gw = TestGateway.builder().token("secret").build().start()) {
 *     connect to gw.url() ...
 * }
 * }</pre>
 *
 * The agent replies {@code ECHO: <message>}, one word per chunk, unless the message contains (first match wins):
 * {@code FAIL:<errorKind>} (chat error), {@code HANG} (never ends until aborted), {@code SILENT} or is
 * {@code NO_REPLY} (a silent turn: on protocol 3 a final without message; on protocol 4, as 2026.9.6, a second model
 * call, then lifecycle error with {@code terminalReply.disposition:"silent"} and chat aborted/error), {@code TOOLCALL} (an {@code ls} tool call, then
 * {@code TOOL RESULT SEEN: …}), {@code SLOW} (50 chunks {@code SLOW-ECHO part00 … part49.} paced by
 * {@code slowChunkDelay}), {@code CHUNKS:<n>} (exactly n chunks {@code part00 … }), {@code REPLACE} (a draft, then
 * a {@code replace:true} delta with the echo). {@code THINK} adds a {@code thinking} stream first.
 * <p>
 * Everything runs on Java-WebSocket's own threads plus one scheduler thread that plays all runs; nothing sleeps.
 * Sessions, transcripts and device pairings survive {@link #stop()} / {@link #restart()}; runs, idempotency state
 * and connections do not.
 */
public final class TestGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestGateway.class);
    private static final int STOP_TIMEOUT_MS = 2000;
    private static final long FLUSH_CHECK_MS = 10;

    private final GatewayConfig config;
    private final ProtocolTemplates templates;
    private final EventBroadcaster broadcaster;
    private final Faults faults;
    private final DevicePairingStore pairings = new DevicePairingStore();
    private final SessionStore sessions;
    private final RequestLog requests;
    private final SessionViews views;
    private int port;
    private Running running;

    /** What lives from one start to the next stop. */
    private record Running(ScheduledExecutorService executor, RunEngine engine, GatewayServer server) {}

    TestGateway(GatewayConfig config) {
        this.config = config;
        this.templates = ProtocolTemplates.load(config.protocol());
        this.broadcaster = new EventBroadcaster(config.protocol());
        this.faults = new Faults(broadcaster);
        this.requests = new RequestLog(config.maxRecordedRequests());
        this.sessions = new SessionStore(config.transcriptLimit());
        this.views = new SessionViews(config, templates);
        this.port = config.port();
    }

    public static TestGatewayBuilder builder() {
        return new TestGatewayBuilder();
    }

    /** Binds the loopback port and starts serving; returns this. */
    public synchronized TestGateway start() {
        if (running != null) {
            throw new IllegalStateException("test gateway already running on port " + port);
        }
        ServerSocketChannel channel = bind();
        port = channel.socket().getLocalPort();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "openclaw-test-gateway-" + port);
            thread.setDaemon(true);
            return thread;
        });
        RunEngine engine = new RunEngine(config, executor, sessions, broadcaster, faults, views);
        RequestRouter router = new RequestRouter(config, faults);
        ServerInfo info = new ServerInfo(config, templates, router::methods, port);
        new SystemMethods(config, info, engine, sessions).register(router);
        new SessionMethods(config, engine, sessions, views).register(router);
        new AgentMethods(config, engine).register(router);
        new ChatMethods(config, engine, sessions, views).register(router);
        HandshakeHandler handshake = new HandshakeHandler(
                config,
                new ConnectAuthenticator(config, pairings, faults),
                info,
                broadcaster,
                faults,
                requests,
                engine);
        GatewayServer server = new GatewayServer(channel, config, handshake, router, broadcaster, requests);
        if (config.sslContext() != null) {
            server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(config.sslContext()));
        }
        try {
            server.startListening();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            throw new IllegalStateException("interrupted while starting", e);
        }
        long tickMs = config.tickInterval().toMillis();
        executor.scheduleAtFixedRate(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(server::flushStalled, FLUSH_CHECK_MS, FLUSH_CHECK_MS, TimeUnit.MILLISECONDS);
        running = new Running(executor, engine, server);
        LOG.info(
                "test gateway (protocol {}, {}, auth {}) listening on {}",
                config.protocol(),
                config.serverVersion(),
                config.authMode(),
                url());
        return this;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public String url() {
        return (config.sslContext() != null ? "wss" : "ws") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The emulated protocol version, 3 or 4. */
    public int protocol() {
        return config.protocol();
    }

    public Faults faults() {
        return faults;
    }

    /** The newest received {@code req} frames, oldest first ({@code connect} included); a snapshot. */
    public List<ReceivedRequest> receivedRequests() {
        return requests.snapshot();
    }

    public void clearReceivedRequests() {
        requests.clear();
    }

    /** Currently open connections that completed the handshake. */
    public int connectionCount() {
        return broadcaster.count();
    }

    /** Read access to sessions and their transcripts. */
    public GatewaySessions sessions() {
        return new GatewaySessions(this, sessions, views);
    }

    /** Approves a pending pairing request (see {@link Faults#requirePairing()}); false when unknown. */
    public boolean approvePairing(String requestId) {
        return pairings.approve(requestId, System.currentTimeMillis());
    }

    /** The ids of pending pairing requests, oldest first. */
    public List<String> pendingPairingRequests() {
        return pairings.pendingRequestIds();
    }

    /** Stops abruptly: every socket is dropped without a close frame, no {@code shutdown} event. */
    public synchronized void stop() {
        if (running != null) {
            broadcaster.killAll();
            halt();
        }
    }

    /**
     * Stops like a real gateway on SIGTERM: broadcasts {@code shutdown {reason:"gateway stopping",
     * restartExpectedMs?}}, closes every socket with 1012 "service restart", stops listening.
     */
    public synchronized void shutdown(Long restartExpectedMs) {
        if (running == null) {
            return;
        }
        broadcaster.broadcast("shutdown", Json.stream(g -> {
            g.writeStartObject();
            g.writeStringField("reason", "gateway stopping");
            if (restartExpectedMs != null) {
                g.writeNumberField("restartExpectedMs", restartExpectedMs);
            }
            g.writeEndObject();
        }));
        broadcaster.closeAll(1012, "service restart");
        halt();
    }

    /** Listens again on the same port (stopping first when running), keeping sessions and pairings. */
    public synchronized TestGateway restart() {
        stop();
        return start();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void tick() {
        if (!faults.tickingStopped()) {
            broadcaster.broadcast("tick", Json.utf8("{\"ts\":" + System.currentTimeMillis() + "}"));
        }
    }

    private void halt() {
        Running stopping = running;
        running = null;
        try {
            stopping.server().stop(STOP_TIMEOUT_MS);
            stopping.engine().call(() -> {
                stopping.engine().stopAll();
                return null;
            });
            stopping.executor().shutdownNow();
            stopping.executor().awaitTermination(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("test gateway on port {} stopped", port);
    }

    private ServerSocketChannel bind() {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.socket().setReuseAddress(true);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Runs on the engine thread while running; directly once stopped (the engine thread is gone then). */
    synchronized <T> T onEngine(Callable<T> task) {
        if (running != null) {
            return running.engine().call(task);
        }
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
