package io.camelopenclaw.testgateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;

/**
 * One client socket: its handshake challenge, what connect granted it, and its outbound frame order. Sends are
 * synchronized so that a frame's {@code seq} and its position in the socket's queue always agree, whichever thread
 * sends.
 */
final class ClientConnection {

    private static final int MAX_CLOSE_REASON_BYTES = 123;
    private static final int HELD_INITIAL_BYTES = 8 * 1024;

    private final WebSocketImpl socket;
    private final String connId = UUID.randomUUID().toString();
    private final String nonce = UUID.randomUUID().toString();
    private final String origin;
    private volatile ConnectParams connect;
    private volatile ConnectAuthenticator.Grant grant;
    private long seq;
    /** Frames held back by a {@link WriteBatch}, in order; null when none. Guarded by this. */
    private ByteBuffer held;
    /** The size to start the next held buffer with: a little more than the last batch took. Guarded by this. */
    private int heldCapacity = HELD_INITIAL_BYTES;

    private volatile boolean dropped;

    ClientConnection(WebSocket socket, String origin) {
        this.socket = (WebSocketImpl) socket;
        this.origin = origin;
    }

    String connId() {
        return connId;
    }

    String nonce() {
        return nonce;
    }

    String origin() {
        return origin;
    }

    void authenticate(ConnectParams params, ConnectAuthenticator.Grant granted) {
        this.connect = params;
        this.grant = granted;
    }

    boolean authenticated() {
        return grant != null;
    }

    ConnectParams connect() {
        return connect;
    }

    List<String> scopes() {
        return grant.scopes();
    }

    boolean wantsToolEvents() {
        return connect.hasCap("tool-events");
    }

    boolean isOpen() {
        return socket.isOpen();
    }

    /** Sends an event numbered by this connection's own counter (protocol 4). */
    synchronized void sendNumbered(String event, byte[] payload, byte[] stateVersion) {
        write(FrameCodec.event(event, payload, ++seq, stateVersion));
    }

    /** Sends an event with a given frame {@code seq} ({@code <= 0}: none). */
    synchronized void sendEvent(String event, byte[] payload, long frameSeq, byte[] stateVersion) {
        write(FrameCodec.event(event, payload, frameSeq, stateVersion));
    }

    /** Moves this connection's counter forward, so its next event shows a gap. */
    synchronized void skipSeq(int n) {
        seq += n;
    }

    void respond(String id, String payloadJson) {
        send(FrameCodec.response(id, payloadJson));
    }

    /** Sends the error response, then closes the socket when the error says so. */
    void respondError(String id, GatewayError error) {
        send(FrameCodec.error(id, error));
        if (error.closeCode() != 0) {
            close(error.closeCode(), error.closeReason());
        }
    }

    synchronized void send(String text) {
        write(FrameCodec.text(text));
    }

    /**
     * Queues a complete frame for the socket's selector thread, or holds it back while a {@link WriteBatch} of this
     * thread is open (or frames are already held: they must leave first). Frames are queued directly rather than
     * through {@code WebSocket.send(String)}, which re-validates the UTF-8 of every outgoing frame and decodes it
     * again for a trace log: most of the cost of an event. Frames for a socket that is gone are dropped, as the real
     * gateway drops them.
     */
    private void write(FrameCodec.OutFrame frame) {
        if (dropped || !socket.isOpen()) {
            return;
        }
        WriteBatch batch = WriteBatch.current();
        if (batch == null && held == null) {
            queue(frame.toBuffer());
            return;
        }
        hold(frame);
        if (batch != null) {
            batch.holding(this);
        }
    }

    private void hold(FrameCodec.OutFrame frame) {
        int size = frame.wireLength();
        if (held == null) {
            held = ByteBuffer.allocate(Math.max(heldCapacity, size));
        } else if (held.remaining() < size) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(held.capacity() * 2, held.position() + size));
            held = grown.put(held.flip());
        }
        frame.writeTo(held);
    }

    /** Sends the frames held back, as one buffer. */
    synchronized void flush() {
        if (held != null) {
            ByteBuffer frames = held.flip();
            held = null;
            heldCapacity = Math.max(HELD_INITIAL_BYTES, frames.remaining() + frames.remaining() / 4);
            if (!dropped && socket.isOpen()) {
                queue(frames);
            }
        }
    }

    private void queue(ByteBuffer frames) {
        socket.outQueue.add(frames);
        socket.getWebSocketListener().onWriteDemand(socket);
    }

    void close(int code, String reason) {
        flush();
        socket.close(code, truncate(reason));
    }

    /**
     * Drops the connection like a network failure: frames already sent are flushed, then the TCP connection closes
     * without a close frame (the peer sees 1006). Nothing sent afterwards goes out.
     */
    void drop() {
        flush();
        dropped = true;
        socket.flushAndClose(CloseFrame.ABNORMAL_CLOSE, "dropped", false);
    }

    /** Closes the TCP connection at once, unflushed and without a close frame, as when the gateway dies. */
    void kill() {
        dropped = true;
        if (socket.getChannel() instanceof SocketChannel channel) {
            try {
                channel.shutdownOutput();
            } catch (IOException e) {
                // already gone
            }
        }
        socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "killed");
    }

    /** Close reasons are limited to 123 UTF-8 bytes by RFC 6455. */
    private static String truncate(String reason) {
        String text = reason;
        while (text.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
