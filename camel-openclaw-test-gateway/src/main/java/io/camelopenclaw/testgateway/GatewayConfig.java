package io.camelopenclaw.testgateway;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The immutable settings of one {@link TestGateway}, as collected by its builder. */
record GatewayConfig(
        int protocol,
        String token,
        String password,
        int port,
        Duration tickInterval,
        Duration handshakeTimeout,
        int maxPayload,
        long attachmentMaxBytes,
        long attachmentMaxImageBytes,
        Duration chunkDelay,
        Duration slowChunkDelay,
        String serverVersion,
        int maxRecordedRequests,
        int transcriptLimit,
        DeltaSnapshots deltaSnapshots,
        Duration settleDelay,
        SSLContext sslContext) {

    /** Which protocol-4 chat deltas carry the cumulative {@code message} snapshot beside {@code deltaText}. */
    enum DeltaSnapshots {
        /** Every delta (openclaw 2026.9.6). */
        EVERY,
        /** Only a run's first delta, later ones only {@code deltaText}. */
        FIRST
    }

    static final int MAX_PREAUTH_PAYLOAD = 64 * 1024;
    static final int MAX_BUFFERED_BYTES = 52_428_800;

    boolean v4() {
        return protocol == 4;
    }

    /** {@code token} when a token is set, else {@code password} when a password is set, else {@code none}. */
    String authMode() {
        return token != null ? "token" : password != null ? "password" : "none";
    }
}
