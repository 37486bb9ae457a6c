package io.camelopenclaw.client.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link ChannelClient}: where the {@code openclaw-websocket} channel listens, who the connection speaks
 * for, its token, and the timing of replies and reconnects. Immutable; build with {@link #builder(URI)}.
 */
public final class ChannelClientOptions {

    /** The plugin's defaults: port 18800, path /ws. */
    public static final String DEFAULT_URL = "ws://127.0.0.1:18800/ws";

    /** The {@code ws} library's default {@code maxPayload}, which the plugin does not change: 100 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

    private final URI url;
    private final String senderId;
    private final String senderName;
    private final String token;
    private final Duration connectTimeout;
    private final Duration replyTimeout;
    private final ReplyCompletion completion;
    private final Duration quietPeriod;
    private final Duration reconnectInitialDelay;
    private final Duration reconnectMaxDelay;
    private final int maxReconnectAttempts;
    private final int maxFrameBytes;

    private ChannelClientOptions(Builder b) {
        this.url = b.url;
        this.senderId = b.senderId;
        this.senderName = b.senderName;
        this.token = b.token;
        this.connectTimeout = b.connectTimeout;
        this.replyTimeout = b.replyTimeout;
        this.completion = b.completion;
        this.quietPeriod = b.quietPeriod;
        this.reconnectInitialDelay = b.reconnectInitialDelay;
        this.reconnectMaxDelay = b.reconnectMaxDelay;
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.maxFrameBytes = b.maxFrameBytes;
    }

    /** Options for the channel at {@code url} (ws:// or wss://, with the plugin's path, e.g. /ws). */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    public URI url() {
        return url;
    }

    public String senderId() {
        return senderId;
    }

    public String senderName() {
        return senderName;
    }

    /** The token sent as the {@code token} query parameter; never logged. */
    public String token() {
        return token;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration replyTimeout() {
        return replyTimeout;
    }

    public ReplyCompletion completion() {
        return completion;
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    public Duration reconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public int maxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Builder of {@link ChannelClientOptions}. */
    public static final class Builder {
        private final URI url;
        private String senderId;
        private String senderName;
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration replyTimeout = Duration.ofMinutes(5);
        private ReplyCompletion completion = ReplyCompletion.QUIET_PERIOD;
        private Duration quietPeriod = Duration.ofSeconds(1);
        private Duration reconnectInitialDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private int maxReconnectAttempts;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;

        private Builder(URI url) {
            this.url = Objects.requireNonNull(url, "url");
            String scheme = url.getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException(
                        "channel URL must be ws:// or wss://, got " + ChannelUrls.redact(url));
            }
        }

        /** The connection's default sender id (the plugin's session is per sender). */
        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        /** The connection's default sender display name. */
        public Builder senderName(String senderName) {
            this.senderName = senderName;
            return this;
        }

        /** The token the plugin's auth service verifies; {@code null} for none. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Time from opening the socket until the plugin's greeting. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** Longest wait for a complete reply, counted from {@link ChannelClient#send}. */
        public Builder replyTimeout(Duration replyTimeout) {
            this.replyTimeout = positive(replyTimeout, "replyTimeout");
            return this;
        }

        public Builder completion(ReplyCompletion completion) {
            this.completion = Objects.requireNonNull(completion, "completion");
            return this;
        }

        /** Silence after a {@code done:true} frame that completes the reply ({@link ReplyCompletion#QUIET_PERIOD}). */
        public Builder quietPeriod(Duration quietPeriod) {
            this.quietPeriod = positive(quietPeriod, "quietPeriod");
            return this;
        }

        public Builder reconnectInitialDelay(Duration reconnectInitialDelay) {
            this.reconnectInitialDelay = positive(reconnectInitialDelay, "reconnectInitialDelay");
            return this;
        }

        public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
            this.reconnectMaxDelay = positive(reconnectMaxDelay, "reconnectMaxDelay");
            return this;
        }

        /** Failed reconnects in a row before the client gives up; 0 reconnects forever. */
        public Builder maxReconnectAttempts(int maxReconnectAttempts) {
            this.maxReconnectAttempts = Math.max(0, maxReconnectAttempts);
            return this;
        }

        /** Largest frame accepted or sent; a larger inbound frame closes the connection (1009). */
        public Builder maxFrameBytes(int maxFrameBytes) {
            if (maxFrameBytes < 1024) {
                throw new IllegalArgumentException("maxFrameBytes must be at least 1024, got " + maxFrameBytes);
            }
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public ChannelClientOptions build() {
            return new ChannelClientOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
