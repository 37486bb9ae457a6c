package io.camelopenclaw.client.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.connection.Backoff;
import io.camelopenclaw.client.error.ChannelAuthException;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel connection's life: opens a socket, counts it ready at the plugin's greeting (the plugin reads no frame
 * before it has authenticated the connection and greeted it), reconnects with exponential backoff after a close, and
 * gives up for good on a token refusal (close 4401) or after {@code maxReconnectAttempts}. Everything but the socket
 * callbacks runs on the client's event thread.
 */
final class ChannelLink implements ChannelSocket.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelLink.class);
    private static final double JITTER = 0.2;

    /** What the link reports to the client, on the event thread. */
    interface Events {
        void ready(ChannelFrame greeting);

        void frame(ChannelFrame frame);

        void malformed(ChannelFrame.MalformedFrameException error);

        /** The connection closed; {@code terminal} when the link gave up. */
        void lost(GatewayException error, boolean terminal);
    }

    private final ChannelClientOptions options;
    private final URI connectUri;
    private final String displayUrl;
    private final ScheduledExecutorService executor;
    private final Events events;
    private final Backoff backoff;
    private volatile ChannelState state = ChannelState.NEW;
    private ChannelSocket socket;
    private ScheduledFuture<?> connectTimer;
    private int failedAttempts;
    private String refusal;
    private GatewayException failure;

    ChannelLink(
            ChannelClientOptions options,
            URI connectUri,
            String displayUrl,
            ScheduledExecutorService executor,
            Events events) {
        this.options = options;
        this.connectUri = connectUri;
        this.displayUrl = displayUrl;
        this.executor = executor;
        this.events = events;
        this.backoff = new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(), JITTER);
    }

    ChannelState state() {
        return state;
    }

    /** Why sends fail at once: the refusal or give-up reason, or the close; {@code null} while the link lives. */
    GatewayException terminalFailure() {
        return switch (state) {
            case FAILED -> failure;
            case CLOSED -> closedError();
            default -> null;
        };
    }

    void connect() {
        if (state == ChannelState.CLOSED || state == ChannelState.FAILED) {
            return;
        }
        state = ChannelState.CONNECTING;
        refusal = null;
        long timeoutMs = options.connectTimeout().toMillis();
        ChannelSocket attempt = new ChannelSocket(
                connectUri, options.maxFrameBytes(), (int) Math.min(Integer.MAX_VALUE, timeoutMs), this);
        socket = attempt;
        connectTimer = executor.schedule(() -> connectTimedOut(attempt), timeoutMs, TimeUnit.MILLISECONDS);
        LOG.debug("Connecting to channel {}", displayUrl);
        attempt.connect();
    }

    /** Sends a frame when ready; {@code false} when it could not be sent (it is then not on the wire). */
    boolean send(byte[] utf8) {
        ChannelSocket current = socket;
        if (current == null || state != ChannelState.READY) {
            return false;
        }
        try {
            current.send(new String(utf8, StandardCharsets.UTF_8));
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Closes for good; returns the error for what was in flight. */
    GatewayException close() {
        state = ChannelState.CLOSED;
        cancelConnectTimer();
        if (socket != null) {
            socket.close(CloseFrame.NORMAL, "client closed");
            socket = null;
        }
        return closedError();
    }

    // ------------------------------------------------------------------ socket callbacks (socket thread)

    @Override
    public void onText(ChannelSocket from, String text) {
        handOver(() -> {
            if (from == socket) {
                received(text);
            }
        });
    }

    @Override
    public void onClose(ChannelSocket from, int code, String reason, boolean remote) {
        handOver(() -> {
            if (from == socket) {
                closed(code, reason, remote);
            }
        });
    }

    @Override
    public void onError(ChannelSocket from, Exception error) {
        LOG.debug("Channel {} socket error: {}", displayUrl, ChannelUrls.redact(String.valueOf(error)));
    }

    // ------------------------------------------------------------------ event thread

    private void received(String text) {
        ChannelFrame frame;
        try {
            frame = ChannelFrame.parse(text);
        } catch (ChannelFrame.MalformedFrameException e) {
            LOG.warn("Channel {}: {}", displayUrl, e.getMessage());
            events.malformed(e);
            return;
        }
        if (state == ChannelState.READY) {
            events.frame(frame);
        } else if (frame.isUnprompted()) {
            cancelConnectTimer();
            state = ChannelState.READY;
            failedAttempts = 0;
            LOG.info("Connected to channel {}", displayUrl);
            events.ready(frame);
        } else if (ChannelFrame.ERROR.equals(frame.type())) {
            refusal = frame.error(); // the plugin explains a refusal before it closes with 4401
        }
    }

    private void closed(int code, String reason, boolean remote) {
        socket = null;
        cancelConnectTimer();
        if (state == ChannelState.CLOSED) {
            return;
        }
        boolean wasReady = state == ChannelState.READY;
        if (code == ChannelAuthException.CLOSE_CODE) {
            giveUp(new ChannelAuthException(displayUrl, refusal != null ? refusal : reason));
            return;
        }
        GatewayException lost = code == CloseFrame.TOOBIG && !remote
                ? new GatewayProtocolException("A frame from channel " + displayUrl + " exceeded maxFrameBytes ("
                        + options.maxFrameBytes() + "); connection closed (1009)")
                : new GatewayConnectionLostException(code, ChannelUrls.redact(reason));
        failedAttempts = wasReady ? 1 : failedAttempts + 1;
        if (options.maxReconnectAttempts() > 0 && failedAttempts > options.maxReconnectAttempts()) {
            giveUp(new GatewayConnectException(
                    "Channel " + displayUrl + " unreachable after " + options.maxReconnectAttempts()
                            + " reconnect attempts; last: " + lost.getMessage(),
                    null,
                    false));
            return;
        }
        long delay = backoff.delayMs(failedAttempts - 1);
        state = ChannelState.RECONNECT_WAIT;
        LOG.warn("Channel {}: {}; reconnecting in {} ms", displayUrl, lost.getMessage(), delay);
        executor.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        if (wasReady) {
            events.lost(lost, false);
        }
    }

    private void giveUp(GatewayException reason) {
        failure = reason;
        state = ChannelState.FAILED;
        LOG.error("{}; not reconnecting", reason.getMessage());
        events.lost(reason, true);
    }

    private void connectTimedOut(ChannelSocket attempt) {
        if (attempt == socket && state == ChannelState.CONNECTING) {
            LOG.warn("Channel {}: no greeting within {}", displayUrl, options.connectTimeout());
            attempt.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no greeting within " + options.connectTimeout());
        }
    }

    private void cancelConnectTimer() {
        if (connectTimer != null) {
            connectTimer.cancel(false);
            connectTimer = null;
        }
    }

    private void handOver(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // the client is closed
        }
    }

    private static GatewayException closedError() {
        return new GatewayConnectionLostException(CloseFrame.NORMAL, "channel client closed");
    }
}
