package io.camelopenclaw.client.channel;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.error.ChannelErrorException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.json.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the {@code openclaw-websocket} channel plugin: sends {@code chat.send} messages and completes each
 * {@link #send} future with the agent's aggregated reply, correlated by message id.
 * <p>
 * A reply is complete as {@link ReplyCompletion} says (the plugin sends no end marker); a {@code chat.error} for the
 * message fails it with a {@link ChannelErrorException}, a lost connection with a
 * {@link io.camelopenclaw.client.error.GatewayConnectionLostException}, and no complete reply within the reply timeout
 * with a {@link GatewayTimeoutException}. Messages are sent once the plugin greeted the connection (it ignores frames
 * before); messages sent while disconnected wait for the reconnect. Frames answering no pending message go to the
 * {@link ChannelListener}s.
 * <p>
 * Non-blocking: the socket's thread only hands frames over; all state lives on one event thread, which also runs the
 * timers and completes the futures (callers must not block in their callbacks). The token never appears in logs or
 * exceptions.
 */
public final class ChannelClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelClient.class);

    private final ChannelClientOptions options;
    private final String displayUrl;
    private final ScheduledExecutorService events;
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, PendingReply> pending = new HashMap<>();
    private final Deque<PendingReply> waiting = new ArrayDeque<>();
    private final RecentIds finished = new RecentIds(1024);
    private final ChannelLink link;
    private final AtomicBoolean started = new AtomicBoolean();

    public ChannelClient(ChannelClientOptions options) {
        this.options = options;
        URI connectUri = ChannelUrls.connectUri(options);
        this.displayUrl = ChannelUrls.redact(connectUri);
        this.events = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "openclaw-channel-" + options.url().getHost());
            thread.setDaemon(true);
            return thread;
        });
        this.link = new ChannelLink(options, connectUri, displayUrl, events, new LinkEvents());
    }

    /** Opens the connection (asynchronously; only the first call does); sends before that wait for it. */
    public ChannelClient start() {
        if (started.compareAndSet(false, true)) {
            onEventThread(link::connect);
        }
        return this;
    }

    /** The connection's state. */
    public ChannelState state() {
        return link.state();
    }

    /** Why the client gave up or was closed; {@code null} while it is connecting, ready or reconnecting. */
    public GatewayException failure() {
        return link.terminalFailure();
    }

    /** The channel's address with the token masked. */
    public String displayUrl() {
        return displayUrl;
    }

    /** Adds a listener for frames and errors that answer no pending message. */
    public Subscription addListener(ChannelListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Sends a message (with a generated message id unless it has one) and completes with the agent's reply. Never
     * blocks; fails at once for a message larger than the frame limit or when the client has given up.
     */
    public CompletableFuture<ChannelReply> send(ChannelMessage message) {
        String messageId = message.messageId() == null ? UUID.randomUUID().toString() : message.messageId();
        byte[] frame = JsonValues.utf8(message.toFrame(messageId));
        PendingReply reply = new PendingReply(messageId, frame);
        if (frame.length > options.maxFrameBytes()) {
            reply.future()
                    .completeExceptionally(
                            new PayloadTooLargeException("Channel message", frame.length, options.maxFrameBytes()));
            return reply.future();
        }
        if (!onEventThread(() -> accept(reply))) {
            reply.future().completeExceptionally(new GatewayConnectionLostException(1000, "channel client closed"));
        }
        return reply.future();
    }

    /** Fails the messages in flight, closes the connection and stops the event thread. */
    @Override
    public void close() {
        onEventThread(() -> {
            GatewayException closed = link.close();
            failAll(closed);
        });
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ event thread

    private void accept(PendingReply reply) {
        if (pending.containsKey(reply.messageId())
                || waiting.stream().anyMatch(w -> w.messageId().equals(reply.messageId()))) {
            reply.future()
                    .completeExceptionally(new IllegalArgumentException(
                            "Message id " + reply.messageId() + " is already awaiting a reply"));
            return;
        }
        GatewayException failure = link.terminalFailure();
        if (failure != null) {
            reply.future().completeExceptionally(failure);
            return;
        }
        long timeoutMs = options.replyTimeout().toMillis();
        reply.timeout(events.schedule(
                () -> fail(
                        reply,
                        new GatewayTimeoutException("No complete reply to channel message " + reply.messageId()
                                + " within " + timeoutMs + " ms (" + reply.chunkCount() + " chunks received)")),
                timeoutMs,
                TimeUnit.MILLISECONDS));
        if (link.state() == ChannelState.READY) {
            transmit(reply);
        } else {
            waiting.add(reply);
        }
    }

    private void transmit(PendingReply reply) {
        pending.put(reply.messageId(), reply);
        if (!link.send(reply.frame())) {
            pending.remove(reply.messageId());
            waiting.addFirst(reply);
        }
    }

    private void onFrame(ChannelFrame frame) {
        PendingReply reply = frame.messageId() == null ? null : pending.get(frame.messageId());
        if (reply == null) {
            boolean late = frame.messageId() != null && finished.contains(frame.messageId());
            if (ChannelFrame.ERROR.equals(frame.type())) {
                tell(l -> l.onError(new ChannelErrorException(frame.messageId(), frame.error())));
            } else {
                tell(l -> l.onFrame(frame, late));
            }
            return;
        }
        switch (frame.type()) {
            case ChannelFrame.STREAM -> {
                reply.onStream(frame.content());
                restartQuietPeriod(reply);
            }
            case ChannelFrame.RESPONSE -> {
                reply.onResponse(frame.content());
                if (options.completion() == ReplyCompletion.FIRST_RESPONSE) {
                    complete(reply);
                } else {
                    restartQuietPeriod(reply);
                }
            }
            case ChannelFrame.ERROR -> fail(reply, new ChannelErrorException(frame.messageId(), frame.error()));
            default -> tell(l -> l.onFrame(frame, false));
        }
    }

    /** After a final chunk, any frame of the message restarts the silence that completes the reply. */
    private void restartQuietPeriod(PendingReply reply) {
        if (reply.answered()) {
            reply.quiet(events.schedule(
                    () -> {
                        if (pending.get(reply.messageId()) == reply) {
                            complete(reply);
                        }
                    },
                    options.quietPeriod().toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    private void complete(PendingReply reply) {
        pending.remove(reply.messageId());
        finished.add(reply.messageId());
        reply.finish();
        reply.future().complete(reply.reply());
    }

    private void fail(PendingReply reply, Throwable error) {
        pending.remove(reply.messageId());
        waiting.remove(reply);
        finished.add(reply.messageId());
        reply.finish();
        reply.future().completeExceptionally(error);
    }

    private void failAll(GatewayException error) {
        failSent(error);
        for (PendingReply reply : new ArrayList<>(waiting)) {
            fail(reply, error);
        }
    }

    private void failSent(GatewayException error) {
        for (PendingReply reply : new ArrayList<>(pending.values())) {
            fail(reply, error);
        }
    }

    private void tell(Consumer<ChannelListener> call) {
        for (ChannelListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Channel listener failed", e);
            }
        }
    }

    private boolean onEventThread(Runnable task) {
        try {
            events.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** What the link reports, on the event thread. */
    private final class LinkEvents implements ChannelLink.Events {
        @Override
        public void ready(ChannelFrame greeting) {
            tell(l -> l.onGreeting(greeting));
            while (!waiting.isEmpty() && link.state() == ChannelState.READY) {
                transmit(waiting.poll());
            }
        }

        @Override
        public void frame(ChannelFrame frame) {
            onFrame(frame);
        }

        @Override
        public void malformed(ChannelFrame.MalformedFrameException error) {
            PendingReply reply = error.messageId() == null ? null : pending.get(error.messageId());
            if (reply != null) {
                fail(reply, error);
            } else {
                tell(l -> l.onError(error));
            }
        }

        @Override
        public void lost(GatewayException error, boolean terminal) {
            if (terminal) {
                failAll(error);
            } else {
                failSent(error);
            }
            tell(l -> l.onError(error));
        }
    }
}
