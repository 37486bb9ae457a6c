package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.json.JsonValues;

/**
 * The socket's side of the connection, on its reader thread: checks a frame's size against the gateway's
 * {@code maxPayload}, parses its JSON straight from the UTF-8 bytes, tells responses from events and hands everything
 * to the dispatcher thread, the frames of one read together (one hand-off and at most one wake-up of the dispatcher
 * per read, not per frame). Responses, control events and the events of tracked runs always get there; other events
 * are dropped when the dispatcher's hand-off is full, and {@link #takeDropped()} tells the next delivery so.
 */
final class FrameDecoder implements SocketHandler {

    /** What the connection does with decoded frames; called on the dispatcher thread, except as noted. */
    interface Inbound {
        void opened(GatewaySocket socket);

        /** A frame arrived; called on the reader thread. */
        void frameArrived();

        /** Whether an event must not be dropped; called on the reader thread, must be fast. */
        boolean isEssential(String eventName, JsonNode payload);

        void response(GatewaySocket socket, JsonNode frame);

        void event(GatewaySocket socket, String name, JsonNode payload, Long seq, long receivedAt, JsonNode frame);

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
    /** The tasks of the frames of the current read, in order (reader thread only). */
    private List<Runnable> batch = new ArrayList<>();

    FrameDecoder(SerialDispatcher dispatcher, Inbound inbound, Supplier<GatewayInfo> info) {
        this.dispatcher = dispatcher;
        this.inbound = inbound;
        this.info = info;
    }

    /** Whether events were dropped since the last call. */
    boolean takeDropped() {
        return dropped.getAndSet(false);
    }

    @Override
    public void onOpen(GatewaySocket socket) {
        dispatcher.execute(() -> inbound.opened(socket));
    }

    @Override
    public void onReadEnd(GatewaySocket socket) {
        flush();
    }

    private void flush() {
        if (batch.size() == 1) {
            dispatcher.execute(batch.get(0));
            batch.clear();
        } else if (!batch.isEmpty()) {
            List<Runnable> tasks = batch;
            batch = new ArrayList<>();
            dispatcher.execute(() -> tasks.forEach(Runnable::run));
        }
    }

    @Override
    public void onText(GatewaySocket socket, ByteBuffer utf8) {
        inbound.frameArrived();
        GatewayInfo gi = info.get();
        long limit = gi != null ? gi.policy().maxPayload() : GatewayPolicy.DEFAULT.maxPayload();
        int size = utf8.remaining();
        if (size > limit) {
            batch.add(() -> inbound.oversized(socket, size, limit));
            return;
        }
        JsonNode frame;
        try {
            frame = JsonValues.parse(utf8.array(), utf8.arrayOffset() + utf8.position(), size);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            batch.add(() -> inbound.malformed(socket, "not JSON: " + why));
            return;
        }
        String type = JsonValues.text(frame, "type");
        if ("res".equals(type)) {
            batch.add(() -> inbound.response(socket, frame));
        } else if ("event".equals(type)) {
            dispatchEvent(socket, frame);
        } else {
            batch.add(() -> inbound.malformed(socket, "unknown frame type " + type));
        }
    }

    private void dispatchEvent(GatewaySocket socket, JsonNode frame) {
        String name = JsonValues.text(frame, "event");
        JsonNode payload = frame.get("payload");
        long receivedAt = System.currentTimeMillis();
        Runnable task = () -> inbound.event(socket, name, payload, JsonValues.number(frame, "seq"), receivedAt, frame);
        if (name == null || Frames.isControlEvent(name) || inbound.isEssential(name, payload)) {
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
