package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.Map;

import io.camelopenclaw.client.channel.ChannelClientOptions;
import io.camelopenclaw.client.run.RunMethod;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The options of an openclaw: endpoint; the component holds the defaults and copies them per endpoint. */
@Configurer
@UriParams
public class OpenClawConfiguration implements Cloneable {

    /** The gateway address used when neither the option nor OPENCLAW_GATEWAY_URL is set. */
    public static final String DEFAULT_GATEWAY_URL = "ws://127.0.0.1:18789";

    // ------------------------------------------------------------------ connection

    @ConnectionOption
    @UriParam(
            defaultValue = DEFAULT_GATEWAY_URL,
            defaultValueNote = "the environment variable OPENCLAW_GATEWAY_URL when set")
    private String gatewayUrl;

    @ConnectionOption
    @UriParam(label = "security", secret = true)
    private String token;

    @ConnectionOption
    @UriParam(label = "security", secret = true)
    private String password;

    @ConnectionOption
    @UriParam(label = "security", defaultValue = "true")
    private boolean deviceIdentity = true;

    @ConnectionOption
    @UriParam(label = "security", defaultValueNote = ".camel-openclaw/device-identity.json in the user's home")
    private String deviceIdentityFile;

    @ConnectionOption
    @UriParam(label = "security", defaultValue = "operator.read,operator.write")
    private String scopes = "operator.read,operator.write";

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "camel-openclaw")
    private String clientDisplayName = "camel-openclaw";

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean toolEvents = true;

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration")
    private long connectTimeout = 15_000;

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long requestTimeout = 30_000;

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long reconnectInitialDelay = 1_000;

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long reconnectMaxDelay = 30_000;

    @ConnectionOption
    @UriParam(label = "advanced", defaultValue = "0")
    private int maxReconnectAttempts;

    @ConnectionOption
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @ConnectionOption
    @UriParam(label = "security")
    private String certificateFingerprint;

    @ConnectionOption
    @UriParam(label = "advanced", prefix = OpenClawComponent.HANDSHAKE_PREFIX, multiValue = true)
    private Map<String, Object> handshakeHeaders;

    // ------------------------------------------------------------------ agent producer (and session filters)

    @UriParam
    private String sessionKey;

    @UriParam(label = "producer", defaultValue = "chat.send", enums = "chat.send,agent")
    private RunMethod runMethod = RunMethod.CHAT_SEND;

    @UriParam(label = "producer")
    private String agentId;

    @UriParam(label = "producer")
    private String thinking;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean deliver;

    @UriParam(label = "producer")
    private String extraSystemPrompt;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean suppressCommandInterpretation = true;

    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long runTimeout = 600_000;

    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration")
    private long idleTimeout;

    @UriParam(label = "producer")
    private String streamTo;

    // ------------------------------------------------------------------ rpc producer

    @UriParam(label = "producer")
    private String method;

    @UriParam(defaultValue = "map", enums = "map,json")
    private PayloadFormat payloadFormat = PayloadFormat.MAP;

    // ------------------------------------------------------------------ channel (openclaw-websocket plugin)

    @UriParam(label = "channel", defaultValue = ChannelClientOptions.DEFAULT_URL)
    private String channelUrl = ChannelClientOptions.DEFAULT_URL;

    @UriParam(label = "channel")
    private String senderId;

    @UriParam(label = "channel")
    private String senderName;

    @UriParam(label = "channel,security", secret = true)
    private String channelToken;

    @UriParam(label = "channel", defaultValue = "300000", javaType = "java.time.Duration")
    private long replyTimeout = 300_000;

    @UriParam(label = "channel", defaultValue = "quietPeriod", enums = "quietPeriod,firstResponse")
    private String replyCompletion = "quietPeriod";

    @UriParam(label = "channel", defaultValue = "1000", javaType = "java.time.Duration")
    private long replyQuietPeriod = 1_000;

    @UriParam(label = "channel,consumer", defaultValue = "false")
    private boolean deliverGreeting;

    @UriParam(label = "channel,advanced", defaultValue = "104857600")
    private int channelMaxFrameSize = ChannelClientOptions.DEFAULT_MAX_FRAME_BYTES;

    // ------------------------------------------------------------------ consumers

    @UriParam(label = "consumer", defaultValue = "agent,chat")
    private String events = "agent,chat";

    @UriParam(label = "consumer")
    private String runId;

    @UriParam(label = "consumer")
    private String streams;

    @UriParam(label = "consumer")
    private String states;

    @UriParam(label = "consumer,advanced", defaultValue = "1000")
    private int queueCapacity = 1000;

    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;

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

    public String getSessionKey() {
        return sessionKey;
    }

    /**
     * Producer: the session to run in (required for chat.send; the header CamelOpenClawSessionKey
     * overrides it). Consumers: only runs or events of matching sessions: an exact key, or a prefix wildcard (a key
     * ending in an asterisk matches every session key that starts with the part before it).
     */
    public void setSessionKey(String sessionKey) {
        this.sessionKey = sessionKey;
    }

    public RunMethod getRunMethod() {
        return runMethod;
    }

    /** The gateway method that starts runs: chat.send or agent. */
    public void setRunMethod(RunMethod runMethod) {
        this.runMethod = runMethod;
    }

    public String getAgentId() {
        return agentId;
    }

    /** The agent to run (default: the gateway's default agent, or the agent of the session key). */
    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public String getThinking() {
        return thinking;
    }

    /** Thinking level: off, minimal, low, medium, high, ... (model-dependent). */
    public void setThinking(String thinking) {
        this.thinking = thinking;
    }

    public boolean isDeliver() {
        return deliver;
    }

    /** Also deliver the reply to the session's channel route (for example the chat the session belongs to). */
    public void setDeliver(boolean deliver) {
        this.deliver = deliver;
    }

    public String getExtraSystemPrompt() {
        return extraSystemPrompt;
    }

    /** An extra system prompt for the run (runMethod=agent only). */
    public void setExtraSystemPrompt(String extraSystemPrompt) {
        this.extraSystemPrompt = extraSystemPrompt;
    }

    public boolean isSuppressCommandInterpretation() {
        return suppressCommandInterpretation;
    }

    /**
     * Never run the message as a slash command such as /reset. Gateways honour the flag only for connections holding
     * the operator.admin scope; without it, a message starting with / is refused (COMMAND_NOT_SUPPRESSED) instead of
     * being executed. Disable to let messages run gateway commands.
     */
    public void setSuppressCommandInterpretation(boolean suppressCommandInterpretation) {
        this.suppressCommandInterpretation = suppressCommandInterpretation;
    }

    public long getRunTimeout() {
        return runTimeout;
    }

    /** Longest time a run may take, in milliseconds (0 for no limit); a run that exceeds it is aborted on the gateway. */
    public void setRunTimeout(long runTimeout) {
        this.runTimeout = runTimeout;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    /**
     * Longest silence (no event for the run) in milliseconds before the run times out and is aborted (0 for no limit).
     */
    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public String getStreamTo() {
        return streamTo;
    }

    /**
     * An endpoint URI that receives each chunk of a run (text, thinking, tool start and result) as its own exchange,
     * in order, while the run is in flight; the exchange itself still gets the aggregated result.
     */
    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
    }

    public String getMethod() {
        return method;
    }

    /** The gateway method the rpc producer calls, e.g. sessions.list (the header CamelOpenClawMethod overrides it). */
    public void setMethod(String method) {
        this.method = method;
    }

    public PayloadFormat getPayloadFormat() {
        return payloadFormat;
    }

    /** How payloads become bodies (rpc results, event payloads): map (a Java Map or List) or json (JSON text). */
    public void setPayloadFormat(PayloadFormat payloadFormat) {
        this.payloadFormat = payloadFormat;
    }

    public String getEvents() {
        return events;
    }

    /**
     * Comma-separated gateway event names the events consumer receives, e.g. agent,chat,presence; an asterisk receives
     * every event.
     */
    public void setEvents(String events) {
        this.events = events;
    }

    public String getRunId() {
        return runId;
    }

    /** Events consumer: only events of this run id. */
    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getStreams() {
        return streams;
    }

    /**
     * Events consumer: comma-separated agent streams to receive (lifecycle, assistant, thinking,
     * tool, item, ...); applies to agent events only.
     */
    public void setStreams(String streams) {
        this.streams = streams;
    }

    public String getStates() {
        return states;
    }

    /**
     * Events consumer: comma-separated chat states to receive (delta, final, aborted,
     * error, ...); applies to chat events only.
     */
    public void setStates(String states) {
        this.states = states;
    }

    public String getChannelUrl() {
        return channelUrl;
    }

    /**
     * Channel: the address of the openclaw-websocket channel plugin (ws:// or wss://, with its path; the plugin's
     * defaults are port 18800 and path /ws). The senderId, senderName and channelToken options are added as its query
     * parameters.
     */
    public void setChannelUrl(String channelUrl) {
        this.channelUrl = channelUrl;
    }

    public String getSenderId() {
        return senderId;
    }

    /**
     * Channel: the connection's sender id (the plugin keeps one agent session per sender; with a verified token the
     * plugin uses the auth service's user id instead). The header CamelOpenClawChannelSenderId overrides it per
     * message.
     */
    public void setSenderId(String senderId) {
        this.senderId = senderId;
    }

    public String getSenderName() {
        return senderName;
    }

    /** Channel: the connection's sender display name (the header CamelOpenClawChannelSenderName overrides it). */
    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public String getChannelToken() {
        return channelToken;
    }

    /**
     * Channel: the token the plugin's auth service verifies (sent as the token query parameter; never logged). A
     * refused token (close 4401) fails every exchange with ChannelAuthException and is not retried.
     */
    public void setChannelToken(String channelToken) {
        this.channelToken = channelToken;
    }

    public long getReplyTimeout() {
        return replyTimeout;
    }

    /**
     * Channel: longest wait for the complete reply to a message, in milliseconds, counted from sending (including a
     * wait for the connection); then the exchange fails with GatewayTimeoutException.
     */
    public void setReplyTimeout(long replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    public String getReplyCompletion() {
        return replyCompletion;
    }

    /**
     * Channel: when a reply is complete. The plugin sends no end marker and splits a reply into one done:true frame
     * per paragraph (and per 4,000 characters of a longer paragraph). quietPeriod: complete when replyQuietPeriod
     * passed without a further frame for the message after a done:true frame; firstResponse: complete on the first
     * done:true frame (right only for one-paragraph replies of at most 4,000 characters; the rest arrive at the
     * consumer as late frames).
     */
    public void setReplyCompletion(String replyCompletion) {
        this.replyCompletion = replyCompletion;
    }

    public long getReplyQuietPeriod() {
        return replyQuietPeriod;
    }

    /** Channel: the silence after a done:true frame that completes a reply (replyCompletion=quietPeriod), in ms. */
    public void setReplyQuietPeriod(long replyQuietPeriod) {
        this.replyQuietPeriod = replyQuietPeriod;
    }

    public boolean isDeliverGreeting() {
        return deliverGreeting;
    }

    /**
     * Channel consumer: also deliver the greeting the plugin sends on every (re)connect, with
     * CamelOpenClawChannelGreeting=true.
     */
    public void setDeliverGreeting(boolean deliverGreeting) {
        this.deliverGreeting = deliverGreeting;
    }

    public int getChannelMaxFrameSize() {
        return channelMaxFrameSize;
    }

    /**
     * Channel: the largest frame in bytes, both ways: a larger message fails with PayloadTooLargeException before it
     * is sent; a larger inbound frame closes the connection (1009) and fails the messages in flight with
     * GatewayProtocolException. Default: the plugin's own limit (100 MiB).
     */
    public void setChannelMaxFrameSize(int channelMaxFrameSize) {
        this.channelMaxFrameSize = channelMaxFrameSize;
    }

    public int getQueueCapacity() {
        return queueCapacity;
    }

    /**
     * Consumers: events waiting for a consumer thread. When the queue is full, further events are dropped and the next
     * delivered one carries CamelOpenClawGap=true.
     */
    public void setQueueCapacity(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    /** Consumers: threads processing exchanges; with more than one, exchanges are no longer processed in order. */
    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    /** A copy for one endpoint; the handshake headers are copied too. */
    public OpenClawConfiguration copy() {
        try {
            OpenClawConfiguration copy = (OpenClawConfiguration) clone();
            copy.handshakeHeaders = handshakeHeaders == null ? null : new HashMap<>(handshakeHeaders);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
