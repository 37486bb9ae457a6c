package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options that define an endpoint's gateway connection. Endpoints whose connection options are all equal share
 * one connection ({@link ConnectionSettings} compares every field declared here), so an option belongs here exactly
 * when it changes the connection.
 */
@UriParams
public class OpenClawConnectionConfiguration implements Cloneable {

    /** The gateway address used when neither the option nor OPENCLAW_GATEWAY_URL is set. */
    public static final String DEFAULT_GATEWAY_URL = "ws://127.0.0.1:18789";

    @UriParam(
            defaultValue = DEFAULT_GATEWAY_URL,
            defaultValueNote = "the environment variable OPENCLAW_GATEWAY_URL when set")
    private String gatewayUrl;

    @UriParam(label = "security", secret = true)
    private String token;

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", defaultValue = "true")
    private boolean deviceIdentity = true;

    @UriParam(label = "security", defaultValueNote = ".camel-openclaw/device-identity.json in the user's home")
    private String deviceIdentityFile;

    @UriParam(label = "security", defaultValue = "operator.read,operator.write")
    private String scopes = "operator.read,operator.write";

    @UriParam(label = "advanced", defaultValue = "camel-openclaw")
    private String clientDisplayName = "camel-openclaw";

    @UriParam(label = "advanced", defaultValue = "true")
    private boolean toolEvents = true;

    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration")
    private long connectTimeout = 15_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long reconnectInitialDelay = 1_000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long reconnectMaxDelay = 30_000;

    @UriParam(label = "advanced", defaultValue = "0")
    private int maxReconnectAttempts;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security")
    private String certificateFingerprint;

    @UriParam(label = "advanced", prefix = OpenClawComponent.HANDSHAKE_PREFIX, multiValue = true)
    private Map<String, Object> handshakeHeaders;

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    /**
     * The gateway's WebSocket address (ws://, wss://, http:// or https://). Default:
     * the environment variable OPENCLAW_GATEWAY_URL, else ws://127.0.0.1:18789.
     */
    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public String getToken() {
        return token;
    }

    /** The gateway's shared token. Default: the environment variable OPENCLAW_GATEWAY_TOKEN. */
    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    /** The gateway's shared password. Default: the environment variable OPENCLAW_GATEWAY_PASSWORD. */
    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isDeviceIdentity() {
        return deviceIdentity;
    }

    /**
     * Sign the handshake with an Ed25519 device identity (created on first use) and keep the device token the gateway
     * issues. On by default, as in OpenClaw's own clients: protocol-3 gateways (openclaw 2026.3.x) grant no scopes to
     * device-less clients, remote gateways pair devices, and only the device that started a run may abort it after a
     * reconnect. New devices on a remote gateway must be paired by an operator (openclaw devices approve, with the
     * request id the connection reports). Set to false to connect with the token or password alone.
     */
    public void setDeviceIdentity(boolean deviceIdentity) {
        this.deviceIdentity = deviceIdentity;
    }

    public String getDeviceIdentityFile() {
        return deviceIdentityFile;
    }

    /** The file holding the device identity and device tokens (owner-only permissions). */
    public void setDeviceIdentityFile(String deviceIdentityFile) {
        this.deviceIdentityFile = deviceIdentityFile;
    }

    public String getScopes() {
        return scopes;
    }

    /** Comma-separated operator scopes to request; the connection fails when the gateway grants fewer. */
    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getClientDisplayName() {
        return clientDisplayName;
    }

    /** The client name the gateway shows to operators. */
    public void setClientDisplayName(String clientDisplayName) {
        this.clientDisplayName = clientDisplayName;
    }

    public boolean isToolEvents() {
        return toolEvents;
    }

    /** Ask for tool events (tool-events capability), so runs report their tool calls. */
    public void setToolEvents(boolean toolEvents) {
        this.toolEvents = toolEvents;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** Time allowed from opening the socket to the gateway's hello-ok, in milliseconds. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * Timeout of a gateway request (rpc calls, starting and aborting runs), in milliseconds; also the longest wait for
     * the first connection.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    /** First delay before reconnecting, in milliseconds; doubled per failed attempt (with jitter). */
    public void setReconnectInitialDelay(long reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public long getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** Largest delay between reconnect attempts, in milliseconds. */
    public void setReconnectMaxDelay(long reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /** Give up after this many failed reconnects in a row; 0 reconnects forever. */
    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS settings for wss:// gateways (default: the JVM's trust store). */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getCertificateFingerprint() {
        return certificateFingerprint;
    }

    /** Pin the gateway's TLS certificate by its SHA-256 fingerprint (hex, colons optional). */
    public void setCertificateFingerprint(String certificateFingerprint) {
        this.certificateFingerprint = certificateFingerprint;
    }

    public Map<String, Object> getHandshakeHeaders() {
        return handshakeHeaders;
    }

    /**
     * Extra HTTP headers sent with the WebSocket upgrade request, e.g. handshake.x-openclaw-scopes=operator.read.
     */
    public void setHandshakeHeaders(Map<String, Object> handshakeHeaders) {
        this.handshakeHeaders = handshakeHeaders;
    }

    /** A copy for one endpoint; the handshake headers are copied too. */
    public OpenClawConnectionConfiguration copy() {
        try {
            OpenClawConnectionConfiguration copy = (OpenClawConnectionConfiguration) clone();
            copy.handshakeHeaders = handshakeHeaders == null ? null : new HashMap<>(handshakeHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
