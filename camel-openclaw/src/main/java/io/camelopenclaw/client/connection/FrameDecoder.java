package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.json.LazyJsonObject;

/**
 * The socket's side of the connection, on its reader thread: checks a frame's size against the gateway's
 * {@code maxPayload} and hands it to the dispatcher thread, the frames of one read together (one hand-off and at most
 * one wake-up of the dispatcher per read, not per frame). A frame goes as a copy of its UTF-8 bytes and is read on
 * the dispatcher, which uses it while it is in its own core's cache ({@link InboundFrame}: one streaming pass; an
 * event's payload becomes a tree only where it is needed whole). When {@code capacity} frames wait
 * unparsed, the reader parses them itself and tells responses from events: responses, control events and the events
 * of tracked runs always get through; other events are dropped while the dispatcher's hand-off is full, and
 * {@link #takeDropped()} tells the next delivery so.
 */
final class FrameDecoder implements SocketHandler {

    /** What the connection does with decoded frames; called on the dispatcher thread, except as noted. */
    interface Inbound {
        void opened(GatewaySocket socket);

        /** The first frame of a read arrived; called on the reader thread. */
        void frameArrived();

        /** Whether an event must not be dropped; called on the reader thread, must be fast. */
        boolean isEssential(String eventName, LazyJsonObject payload);

        /** Whether event payloads are wanted as whole trees (listeners read every event); called on any thread. */
        boolean wantsPayloadTrees();

        void response(GatewaySocket socket, JsonNode frame);

        void event(GatewaySocket socket, String name, LazyJsonObject payload, Long seq, long receivedAt);

        void malformed(GatewaySocket socket, String what);

        void oversized(GatewaySocket socket, long size, long limit);

        void closed(GatewaySocket socket, int code, String reason);

        /** An error the socket reported (its close follows); called on the reader thread. */
        void socketError(Exception error);
    }

    private final SerialDispatcher dispatcher;
    private final Inbound inbound;
    private final Supplier<GatewayInfo> info;
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** Frames handed to the dispatcher unparsed and not decoded yet; at the capacity the reader parses again. */
    private final AtomicInteger unparsed = new AtomicInteger();
    /** The tasks of the frames of the current read, in order (reader thread only). */
    private List<Runnable> batch = new ArrayList<>();
    /** Frames of the current read handed over unparsed (reader thread only). */
    private int batchUnparsed;
    /** When the current read's first frame arrived, epoch milliseconds; 0 between reads (reader thread only). */
    private long readAt;

    FrameDecoder(SerialDispatcher dispatcher, Inbound inbound, Supplier<GatewayInfo> info) {
        this.dispatcher = dispatcher;
        this.inbound = inbound;
        this.info = info;
    }

    /** Whether events were dropped since the last call. */
    boolean takeDropped() {
        return dropped.get() && dropped.getAndSet(false); // a plain read on every event, a write only after drops
    }

    @Override
    public void onOpen(GatewaySocket socket) {
        dispatcher.execute(() -> inbound.opened(socket));
    }

    @Override
    public void onReadEnd(GatewaySocket socket) {
        flush();
    }

    /** Hands the read's tasks over together; its unparsed frames count as waiting until they were decoded. */
    private void flush() {
        readAt = 0;
        int waiting = batchUnparsed;
        batchUnparsed = 0;
        if (waiting > 0) {
            unparsed.addAndGet(waiting);
        }
        if (batch.isEmpty()) {
            return;
        }
        Runnable tasks;
        if (batch.size() == 1) {
            tasks = batch.get(0);
            batch.clear();
        } else {
            List<Runnable> all = batch;
            batch = new ArrayList<>();
            tasks = () -> all.forEach(Runnable::run);
        }
        dispatcher.execute(
                waiting == 0
                        ? tasks
                        : () -> {
                            tasks.run();
                            unparsed.addAndGet(-waiting);
                        });
    }

    @Override
    public void onText(GatewaySocket socket, ByteBuffer utf8) {
        if (readAt == 0) {
            readAt = System.currentTimeMillis(); // the frames of one read arrived together
            inbound.frameArrived();
        }
        GatewayInfo gi = info.get();
        long limit = gi != null ? gi.policy().maxPayload() : GatewayPolicy.DEFAULT.maxPayload();
        int size = utf8.remaining();
        if (size > limit) {
            batch.add(() -> inbound.oversized(socket, size, limit));
            return;
        }
        long receivedAt = readAt;
        int offset = utf8.arrayOffset() + utf8.position();
        byte[] copy = Arrays.copyOfRange(utf8.array(), offset, offset + size); // the read buffer is reused
        if (unparsed.get() + batchUnparsed < dispatcher.capacity()) {
            // read where it is used: the dispatcher reads the frame while it is still in its core's cache
            batchUnparsed++;
            batch.add(() -> decode(socket, copy, receivedAt, false));
        } else {
            // the dispatcher is behind: parse here, so that broadcast events can be dropped
            decode(socket, copy, receivedAt, true);
        }
    }

    /**
     * Reads a frame and handles it: on the dispatcher at once; on the reader (the dispatcher is behind) its task joins
     * the read's batch, and a broadcast event is dropped when the hand-off is full. {@code bytes} must not change
     * afterwards: an event's payload keeps reading them.
     */
    private void decode(GatewaySocket socket, byte[] bytes, long receivedAt, boolean onReader) {
        Consumer<Runnable> sink = onReader ? batch::add : Runnable::run;
        InboundFrame frame;
        try {
            frame = InboundFrame.read(bytes, 0, bytes.length, inbound.wantsPayloadTrees());
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            sink.accept(() -> inbound.malformed(socket, "not JSON: " + why));
            return;
        }
        if (frame.response() != null) {
            sink.accept(() -> inbound.response(socket, frame.response()));
        } else if ("event".equals(frame.type())) {
            dispatchEvent(socket, frame, receivedAt, onReader);
        } else {
            sink.accept(() -> inbound.malformed(socket, "unknown frame type " + frame.type()));
        }
    }

    private void dispatchEvent(GatewaySocket socket, InboundFrame frame, long receivedAt, boolean onReader) {
        String name = frame.event();
        Runnable task = () -> inbound.event(socket, name, frame.payload(), frame.seq(), receivedAt);
        if (!onReader) {
            task.run();
            return;
        }
        if (name == null || Frames.isControlEvent(name) || inbound.isEssential(name, frame.payload())) {
            batch.add(task);
            return;
        }
        Runnable admitted = dispatcher.admitDroppable(task);
        if (admitted != null) {
            batch.add(admitted);
        } else {
            dropped.set(true);
        }
    }

    @Override
    public void onClose(GatewaySocket socket, int code, String reason, boolean remote) {
        flush();
        dispatcher.execute(() -> inbound.closed(socket, code, reason));
    }

    @Override
    public void onError(GatewaySocket socket, Exception error) {
        inbound.socketError(error);
    }
}
