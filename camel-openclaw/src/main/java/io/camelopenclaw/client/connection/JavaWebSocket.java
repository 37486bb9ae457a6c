package io.camelopenclaw.client.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The {@link GatewaySocket} of Java-WebSocket. Sends no {@code Origin} header unless configured, answers pings by
 * itself, limits inbound frames to the gateway's {@code maxPayload}, and reports everything to a {@link SocketHandler}.
 * Text frames travel as UTF-8 bytes in both directions ({@link RawTextDraft}), not as decoded strings (only a
 * fragmented message, which the gateway does not send, arrives decoded). On a {@code ws://} socket that is open, a
 * thread that may wait for the network writes its frames itself, each in one write, instead of waking Java-WebSocket's
 * writer thread per frame; the writer thread writes the rest (the opening handshake, pongs, the close, every frame of a
 * thread that must not wait, such as the client's event thread, and every frame on {@code wss://}). Both write through
 * the one lock of a {@link GuardedSocket}. A new instance is used for every connection attempt.
 */
final class JavaWebSocket extends WebSocketClient implements GatewaySocket {

    private final SocketHandler handler;
    private final boolean verifyHostname;
    private final BooleanSupplier mayWait;
    private volatile Exception lastError;
    /** The guarded output of a {@code ws://} socket once open; {@code null} otherwise (frames go to the writer). */
    private volatile OutputStream output;

    private JavaWebSocket(
            URI uri,
            Map<String, String> headers,
            int maxFrameBytes,
            int connectTimeoutMs,
            SocketHandler handler,
            boolean verifyHostname,
            BooleanSupplier mayWait) {
        super(uri, new RawTextDraft(maxFrameBytes), headers, connectTimeoutMs);
        this.handler = handler;
        this.verifyHostname = verifyHostname;
        this.mayWait = mayWait;
        setConnectionLostTimeout(0); // liveness is the tick watchdog's job
        setTcpNoDelay(true); // requests are small and latency-bound: no Nagle delay behind an unacknowledged frame
    }

    /**
     * Creates (but does not open) a socket.
     *
     * @param origin     the Origin header, or {@code null} for none
     * @param sslContext for {@code wss://}: the context to use (already wrapping a pinning trust manager if pinned)
     * @param pinned     whether the certificate is pinned (then host name verification is left to the pin)
     * @param mayWait    whether the calling thread may wait for the network (write its frames itself)
     */
    static JavaWebSocket create(
            URI uri,
            String origin,
            Map<String, String> extraHeaders,
            long maxFrameBytes,
            long connectTimeoutMs,
            SSLContext sslContext,
            boolean pinned,
            BooleanSupplier mayWait,
            SocketHandler handler) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (origin != null) {
            headers.put("Origin", origin);
        }
        JavaWebSocket socket = new JavaWebSocket(
                uri,
                headers,
                (int) Math.min(Integer.MAX_VALUE, maxFrameBytes),
                (int) Math.min(Integer.MAX_VALUE, connectTimeoutMs),
                handler,
                !pinned,
                mayWait);
        if ("wss".equalsIgnoreCase(uri.getScheme())) {
            if (sslContext != null) {
                socket.setSocketFactory(sslContext.getSocketFactory());
            }
        } else {
            socket.setSocket(new GuardedSocket());
        }
        return socket;
    }

    @Override
    protected void onSetSSLParameters(SSLParameters sslParameters) {
        if (verifyHostname) {
            super.onSetSSLParameters(sslParameters);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        if (getSocket() instanceof GuardedSocket guarded) {
            try {
                output = guarded.getOutputStream();
            } catch (IOException e) {
                // the socket is failing: frames stay on the writer thread, which reports the failure
            }
        }
        handler.onOpen(this);
    }

    @Override
    public void sendText(byte[] utf8) {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(utf8));
        frame.setTransferemasked(true);
        write(frame);
    }

    /**
     * Writes one frame on this thread when it may wait for the network and the {@code ws://} socket is open; otherwise
     * hands it to Java-WebSocket's writer thread (which refuses it once the socket is closing). A failed write closes
     * the connection and throws.
     */
    private void write(Framedata frame) {
        OutputStream out = output;
        if (out == null || !isOpen() || !mayWait.getAsBoolean()) {
            sendFrame(frame);
            return;
        }
        ByteBuffer bytes = getConnection().getDraft().createBinaryFrame(frame);
        try {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        } catch (IOException e) {
            closeConnection(CloseFrame.ABNORMAL_CLOSE, "send failed: " + e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    /** A complete text frame, as raw UTF-8 (see {@link RawTextDraft}). */
    @Override
    public void onMessage(ByteBuffer utf8) {
        handler.onText(this, utf8);
    }

    /** Called by {@link RawTextDraft} once the frames of one read were processed. */
    void readEnded() {
        handler.onReadEnd(this);
    }

    /** A fragmented text message, which the gateway does not send, arrives decoded. */
    @Override
    public void onMessage(String message) {
        handler.onText(this, ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        handler.onClose(this, code, reason, remote);
    }

    @Override
    public void onError(Exception ex) {
        lastError = ex;
        handler.onError(this, ex);
    }

    @Override
    public Exception lastError() {
        return lastError;
    }
}
