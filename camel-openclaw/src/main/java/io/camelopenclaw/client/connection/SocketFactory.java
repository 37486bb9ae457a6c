package io.camelopenclaw.client.connection;

import java.util.Map;
import javax.net.ssl.SSLContext;

import io.camelopenclaw.client.api.GatewayClientOptions;

/** Makes the socket of each connection attempt; unit tests replace it to script what the gateway does. */
@FunctionalInterface
interface SocketFactory {

    /** A socket (not yet connected) that reports to {@code handler} and refuses frames over {@code maxFrameBytes}. */
    GatewaySocket create(SocketHandler handler, long maxFrameBytes);

    /**
     * Java-WebSocket sockets to the options' URL: no {@code Origin} header unless configured, the extra handshake
     * headers, the connect timeout, and for {@code wss://} the caller's TLS context or certificate pinning. The
     * dispatcher's thread never waits for the network: its frames go through the socket's writer thread.
     */
    static SocketFactory webSocket(GatewayClientOptions options, SerialDispatcher dispatcher) {
        SSLContext tls = "wss".equalsIgnoreCase(options.url().getScheme())
                ? TlsSupport.context(options.sslContext(), options.certificateFingerprint())
                : null;
        Map<String, String> headers = options.extraHeaders();
        boolean pinned = options.certificateFingerprint() != null;
        return (handler, maxFrameBytes) -> JavaWebSocket.create(
                options.url(),
                options.origin(),
                headers,
                maxFrameBytes,
                options.connectTimeout().toMillis(),
                tls,
                pinned,
                () -> !dispatcher.isCurrentThread(),
                handler);
    }
}
