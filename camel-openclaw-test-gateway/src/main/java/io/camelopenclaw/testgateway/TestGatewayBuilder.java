package io.camelopenclaw.testgateway;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Settings of a {@link TestGateway}; every one has the real gateway's default. */
public final class TestGatewayBuilder {
    private String token;
    private String password;
    private int protocol = 4;
    private int port;
    private Duration tickInterval = Duration.ofSeconds(30);
    private Duration handshakeTimeout = Duration.ofSeconds(15);
    private int maxPayload = 26_214_400;
    private long attachmentMaxBytes = 19_464_192;
    private long attachmentMaxImageBytes = 6_291_456;
    private Duration chunkDelay = Duration.ZERO;
    private Duration slowChunkDelay = Duration.ofMillis(200);
    private String serverVersion;
    private int maxRecordedRequests = 10_000;
    private int transcriptLimit = 1000;
    private GatewayConfig.DeltaSnapshots deltaSnapshots = GatewayConfig.DeltaSnapshots.EVERY;
    private Duration settleDelay = Duration.ofMillis(100);
    private SSLContext sslContext;

    TestGatewayBuilder() {}

    /** Shared-token auth ({@code gateway.auth.mode=token}); wins over a password. */
    public TestGatewayBuilder token(String token) {
        this.token = token;
        return this;
    }

    /** Password auth ({@code gateway.auth.mode=password}); with neither token nor password, auth is none. */
    public TestGatewayBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** 4 (default, openclaw 2026.9.6) or 3 (openclaw 2026.3.13). */
    public TestGatewayBuilder protocol(int protocol) {
        if (protocol != 3 && protocol != 4) {
            throw new IllegalArgumentException("protocol must be 3 or 4, was " + protocol);
        }
        this.protocol = protocol;
        return this;
    }

    /** The loopback port; 0 (default) picks a free one. */
    public TestGatewayBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Interval of {@code tick} events, advertised as {@code policy.tickIntervalMs}; default 30 s. */
    public TestGatewayBuilder tickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
        return this;
    }

    /** Time to complete {@code connect} before the socket is closed (1000, empty reason); default 15 s. */
    public TestGatewayBuilder handshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
        return this;
    }

    /** {@code policy.maxPayload}; larger inbound frames after the handshake close the socket (1009). */
    public TestGatewayBuilder maxPayload(int maxPayload) {
        this.maxPayload = maxPayload;
        return this;
    }

    /** {@code policy.attachments}: total decoded bytes, and bytes per image. */
    public TestGatewayBuilder attachmentLimits(long maxBytes, long maxImageBytes) {
        this.attachmentMaxBytes = maxBytes;
        this.attachmentMaxImageBytes = maxImageBytes;
        return this;
    }

    /** Pause between streamed chunks of the scripted agents; default 0 (as fast as possible). */
    public TestGatewayBuilder chunkDelay(Duration chunkDelay) {
        this.chunkDelay = chunkDelay;
        return this;
    }

    /** Pause between chunks of the {@code SLOW} agent; default 200 ms. */
    public TestGatewayBuilder slowChunkDelay(Duration slowChunkDelay) {
        this.slowChunkDelay = slowChunkDelay;
        return this;
    }

    /** {@code server.version}; default 2026.9.6 (protocol 4) or 2026.3.13 (protocol 3). */
    public TestGatewayBuilder serverVersion(String serverVersion) {
        this.serverVersion = serverVersion;
        return this;
    }

    /** How many received requests {@link TestGateway#receivedRequests()} keeps (newest); default 10 000. */
    public TestGatewayBuilder maxRecordedRequests(int maxRecordedRequests) {
        this.maxRecordedRequests = maxRecordedRequests;
        return this;
    }

    /**
     * How many messages each session's transcript keeps (newest first); default 1000, the most one
     * {@code chat.history} call can ask for. Benchmarks that push hundreds of thousands of runs through a few
     * sessions lower it, so that the transcripts do not fill the heap they share with the client.
     */
    public TestGatewayBuilder transcriptLimit(int transcriptLimit) {
        if (transcriptLimit < 1) {
            throw new IllegalArgumentException("transcriptLimit must be at least 1");
        }
        this.transcriptLimit = transcriptLimit;
        return this;
    }

    /**
     * Protocol 4 only: whether every chat delta carries the cumulative {@code message} snapshot (default, as
     * 2026.9.6) or only a run's first one (later deltas only {@code deltaText}), as newer gateways may.
     */
    public TestGatewayBuilder deltaSnapshotsOnFirstOnly(boolean firstOnly) {
        this.deltaSnapshots = firstOnly ? GatewayConfig.DeltaSnapshots.FIRST : GatewayConfig.DeltaSnapshots.EVERY;
        return this;
    }

    /**
     * Protocol 3 only: how long after a {@code chat.send} run's final event its idempotency entry is written
     * (2026.3.13 writes it when the reply dispatch settles); until then the same key gets {@code in_flight} and
     * {@code agent.wait} keeps waiting. Default 100 ms.
     */
    public TestGatewayBuilder settleDelay(Duration settleDelay) {
        this.settleDelay = settleDelay;
        return this;
    }

    /** Serve {@code wss://} with this server-side TLS context (its key manager holds the certificate). */
    public TestGatewayBuilder tls(SSLContext sslContext) {
        this.sslContext = sslContext;
        return this;
    }

    public TestGateway build() {
        String version = serverVersion != null ? serverVersion : protocol == 4 ? "2026.9.6" : "2026.3.13";
        return new TestGateway(new GatewayConfig(
                protocol,
                token,
                password,
                port,
                tickInterval,
                handshakeTimeout,
                maxPayload,
                attachmentMaxBytes,
                attachmentMaxImageBytes,
                chunkDelay,
                slowChunkDelay,
                version,
                maxRecordedRequests,
                transcriptLimit,
                deltaSnapshots,
                settleDelay,
                sslContext));
    }
}
