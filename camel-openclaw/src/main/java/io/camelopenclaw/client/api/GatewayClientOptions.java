package io.camelopenclaw.client.api;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLContext;

import io.camelopenclaw.client.auth.DeviceIdentityStore;

/**
 * Everything a {@code GatewayClient} needs to connect: where, as whom, with which credentials, and how patiently.
 * Immutable; build with {@link #builder()}, which documents each option. {@link #toString()} never shows secrets.
 */
public record GatewayClientOptions(
        URI url,
        String token,
        String password,
        DeviceIdentityStore deviceIdentityStore,
        String clientId,
        String clientMode,
        String clientVersion,
        String platform,
        String displayName,
        String instanceId,
        String deviceFamily,
        List<String> scopes,
        List<String> requiredScopes,
        List<String> caps,
        int minProtocol,
        int maxProtocol,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        double reconnectJitter,
        int maxReconnectAttempts,
        Duration operatorActionRetryDelay,
        Duration reattachTimeout,
        Duration abortWaitTimeout,
        SSLContext sslContext,
        String certificateFingerprint,
        String origin,
        Map<String, String> extraHeaders,
        int eventQueueCapacity,
        boolean tickWatchdog) {

    /** The gateway's default address. */
    public static final String DEFAULT_URL = "ws://127.0.0.1:18789";
    /** The scopes requested unless configured otherwise. */
    public static final List<String> DEFAULT_SCOPES = List.of("operator.read", "operator.write");

    public GatewayClientOptions {
        if (minProtocol > maxProtocol || minProtocol < 3 || maxProtocol > 4) {
            throw new IllegalArgumentException(
                    "protocol range must lie within 3..4, got " + minProtocol + ".." + maxProtocol);
        }
        scopes = List.copyOf(scopes);
        requiredScopes = List.copyOf(requiredScopes);
        caps = List.copyOf(caps);
        extraHeaders = Map.copyOf(extraHeaders);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Accepts {@code ws://}, {@code wss://}, {@code http://} and {@code https://} (converted to the WebSocket scheme).
     */
    static URI normalizeUrl(String url) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            trimmed = "ws://" + trimmed.substring(7);
        } else if (lower.startsWith("https://")) {
            trimmed = "wss://" + trimmed.substring(8);
        } else if (!lower.startsWith("ws://") && !lower.startsWith("wss://")) {
            throw new IllegalArgumentException("gateway URL must be ws://, wss://, http:// or https://: " + url);
        }
        URI uri = URI.create(trimmed);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("gateway URL has no host: " + url);
        }
        return uri;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** A key for the credentials in use, to tell whether two options would share a gateway connection. */
    public String authKind() {
        return token != null
                ? "token"
                : password != null ? "password" : deviceIdentityStore != null ? "device" : "none";
    }

    @Override
    public String toString() {
        return "GatewayClientOptions[url=" + url + ", auth=" + authKind() + ", client=" + clientId + "/" + clientMode
                + ", device=" + (deviceIdentityStore != null) + ", scopes=" + scopes + ", caps=" + caps + "]";
    }

    /** Builds {@link GatewayClientOptions}. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private String token;
        private String password;
        private DeviceIdentityStore deviceIdentityStore;
        private String clientId = "gateway-client";
        private String clientMode = "backend";
        private String clientVersion = ClientVersion.VERSION;
        private String platform = System.getProperty("os.name", "unknown")
                .toLowerCase(Locale.ROOT)
                .split(" ")[0];
        private String displayName = "camel-openclaw";
        private String instanceId = UUID.randomUUID().toString();
        private String deviceFamily;
        private List<String> scopes = DEFAULT_SCOPES;
        private List<String> requiredScopes;
        private List<String> caps = List.of();
        private int minProtocol = 3;
        private int maxProtocol = 4;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration reconnectInitialDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private double reconnectJitter = 0.5;
        private int maxReconnectAttempts;
        private Duration operatorActionRetryDelay = Duration.ofMinutes(1);
        private Duration reattachTimeout = Duration.ofMinutes(2);
        private Duration abortWaitTimeout = Duration.ofSeconds(5);
        private SSLContext sslContext;
        private String certificateFingerprint;
        private String origin;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private int eventQueueCapacity = 10_000;
        private boolean tickWatchdog = true;

        private Builder() {}

        /** {@code ws://}, {@code wss://}, {@code http://} or {@code https://}; default {@value #DEFAULT_URL}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Shared gateway token. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Shared gateway password. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Sign the handshake with this Ed25519 device identity and keep device tokens in it. */
        public Builder deviceIdentityStore(DeviceIdentityStore store) {
            this.deviceIdentityStore = store;
            return this;
        }

        /** {@code client.id}; default {@code gateway-client} (must be one of the gateway's known ids). */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
            return this;
        }

        /** {@code client.mode}; default {@code backend}. */
        public Builder clientMode(String clientMode) {
            this.clientMode = Objects.requireNonNull(clientMode);
            return this;
        }

        public Builder clientVersion(String clientVersion) {
            this.clientVersion = Objects.requireNonNull(clientVersion);
            return this;
        }

        public Builder platform(String platform) {
            this.platform = Objects.requireNonNull(platform);
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder instanceId(String instanceId) {
            this.instanceId = instanceId;
            return this;
        }

        public Builder deviceFamily(String deviceFamily) {
            this.deviceFamily = deviceFamily;
            return this;
        }

        /** Operator scopes to request; default {@code operator.read, operator.write}. Always sent explicitly. */
        public Builder scopes(List<String> scopes) {
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /** Scopes the caller cannot work without (default: the requested scopes); checked after {@code hello-ok}. */
        public Builder requiredScopes(List<String> requiredScopes) {
            this.requiredScopes = List.copyOf(requiredScopes);
            return this;
        }

        /** Client capabilities, e.g. {@code tool-events}. */
        public Builder caps(List<String> caps) {
            this.caps = List.copyOf(caps);
            return this;
        }

        /** Protocol range offered; default 3..4. */
        public Builder protocolRange(int min, int max) {
            this.minProtocol = min;
            this.maxProtocol = max;
            return this;
        }

        /** Time allowed from opening the socket to {@code hello-ok}; default 15 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout);
            return this;
        }

        /** Default per-request timeout; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** First reconnect delay; default 1 s, doubling per attempt. */
        public Builder reconnectInitialDelay(Duration delay) {
            this.reconnectInitialDelay = positive(delay);
            return this;
        }

        /** Largest reconnect delay; default 30 s. */
        public Builder reconnectMaxDelay(Duration delay) {
            this.reconnectMaxDelay = positive(delay);
            return this;
        }

        /** Fraction of each delay that is randomised (0..1); default 0.5. */
        public Builder reconnectJitter(double jitter) {
            if (jitter < 0 || jitter > 1) {
                throw new IllegalArgumentException("jitter must be within 0..1");
            }
            this.reconnectJitter = jitter;
            return this;
        }

        /** Give up after this many failed reconnects in a row; 0 (default) means never give up. */
        public Builder maxReconnectAttempts(int attempts) {
            this.maxReconnectAttempts = Math.max(0, attempts);
            return this;
        }

        /** Retry delay while an operator must act (bad credentials, pairing); default 1 min. */
        public Builder operatorActionRetryDelay(Duration delay) {
            this.operatorActionRetryDelay = positive(delay);
            return this;
        }

        /** Longest wait to recover an in-flight run after a reconnect or event gap; default 2 min. */
        public Builder reattachTimeout(Duration timeout) {
            this.reattachTimeout = positive(timeout);
            return this;
        }

        /** How long an abort waits for the gateway's aborted event; default 5 s. */
        public Builder abortWaitTimeout(Duration timeout) {
            this.abortWaitTimeout = positive(timeout);
            return this;
        }

        /** TLS context for {@code wss://}; default the JVM's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        /** Pin the gateway's certificate by SHA-256 fingerprint (hex, colons optional). */
        public Builder certificateFingerprint(String sha256) {
            this.certificateFingerprint = sha256;
            return this;
        }

        /** Send this {@code Origin} header; default none (a backend client must not send one). */
        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** An extra HTTP header on the WebSocket upgrade request. */
        public Builder header(String name, String value) {
            this.extraHeaders.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Events waiting for slow listeners before further broadcast events are dropped (and the next one flagged as
         * a gap); default 10,000. Responses and events of this client's own runs are never dropped.
         */
        public Builder eventQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.eventQueueCapacity = capacity;
            return this;
        }

        /** Close and reconnect after 2 x tickIntervalMs without any inbound frame; default on. */
        public Builder tickWatchdog(boolean enabled) {
            this.tickWatchdog = enabled;
            return this;
        }

        public GatewayClientOptions build() {
            return new GatewayClientOptions(
                    normalizeUrl(url),
                    emptyToNull(token),
                    emptyToNull(password),
                    deviceIdentityStore,
                    clientId,
                    clientMode,
                    clientVersion,
                    platform,
                    displayName,
                    instanceId,
                    deviceFamily,
                    scopes,
                    requiredScopes == null ? scopes : requiredScopes,
                    caps,
                    minProtocol,
                    maxProtocol,
                    connectTimeout,
                    requestTimeout,
                    reconnectInitialDelay,
                    reconnectMaxDelay,
                    reconnectJitter,
                    maxReconnectAttempts,
                    operatorActionRetryDelay,
                    reattachTimeout,
                    abortWaitTimeout,
                    sslContext,
                    certificateFingerprint == null
                            ? null
                            : certificateFingerprint.replace(":", "").toLowerCase(Locale.ROOT),
                    origin,
                    extraHeaders,
                    eventQueueCapacity,
                    tickWatchdog);
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("duration must be positive: " + d);
            }
            return d;
        }
    }
}
