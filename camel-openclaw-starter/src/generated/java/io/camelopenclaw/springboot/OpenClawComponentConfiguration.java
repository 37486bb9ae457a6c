package io.camelopenclaw.springboot;

import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import io.camelopenclaw.client.channel.ReplyCompletion;
import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.PayloadFormat;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.openclaw.*} properties, one per option of the {@code openclaw} component.
 * Generated from the component's {@code openclaw.json} by {@code StarterSourcesTest}: do not edit.
 * Every property is unset ({@code null}) unless configured, so only the properties a user sets reach the
 * component (the documented defaults are the component's own); durations bind as 30s, 2m, PT2M or
 * milliseconds.
 */
@ConfigurationProperties(prefix = "camel.component.openclaw")
public class OpenClawComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** How {@link #toString()} shows a secret (the mask Camel uses in sanitized URIs). */
    private static final String MASK = "xxxxxx";

    /**
     * Whether to enable auto configuration of the openclaw component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The defaults of every endpoint (each endpoint gets its own copy). The option is a OpenClawConfiguration type.
     */
    private OpenClawConfiguration configuration;

    /**
     * The gateway's WebSocket address (ws://, wss://, http:// or https://). Default: the environment variable
     * OPENCLAW_GATEWAY_URL, else ws://127.0.0.1:18789. Default value notice: the environment variable
     * OPENCLAW_GATEWAY_URL when set
     */
    private String gatewayUrl;

    /**
     * How payloads become bodies (rpc results, event payloads): map (a Java Map or List) or json (JSON text). Possible
     * values: map, json.
     */
    private PayloadFormat payloadFormat;

    /**
     * Producer: the session to run in (required for chat.send; the header CamelOpenClawSessionKey overrides it).
     * Consumers: only runs or events of matching sessions: an exact key, or a prefix wildcard (a key ending in an
     * asterisk matches every session key that starts with the part before it).
     */
    private String sessionKey;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as a
     * message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and therefore
     * bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Consumers: threads processing exchanges; with more than one, exchanges are no longer processed in order.
     */
    private Integer concurrentConsumers;

    /**
     * Channel consumer: also deliver the greeting the plugin sends on every (re)connect, with
     * CamelOpenClawChannelGreeting=true.
     */
    private Boolean deliverGreeting;

    /**
     * Comma-separated gateway event names the events consumer receives, e.g. agent,chat,presence; an asterisk receives
     * every event.
     */
    private String events;

    /**
     * Events consumer: only events of this run id.
     */
    private String runId;

    /**
     * Events consumer: comma-separated chat states to receive (delta, final, aborted, error, ...); applies to chat
     * events only.
     */
    private String states;

    /**
     * Events consumer: comma-separated agent streams to receive (lifecycle, assistant, thinking, tool, item, ...);
     * applies to agent events only.
     */
    private String streams;

    /**
     * Consumers: events waiting for a consumer thread. When the queue is full, further events are dropped and the next
     * delivered one carries CamelOpenClawGap=true.
     */
    private Integer queueCapacity;

    /**
     * The agent to run (default: the gateway's default agent, or the agent of the session key).
     */
    private String agentId;

    /**
     * Also deliver the reply to the session's channel route (for example the chat the session belongs to).
     */
    private Boolean deliver;

    /**
     * An extra system prompt for the run (runMethod=agent only).
     */
    private String extraSystemPrompt;

    /**
     * Longest silence (no event for the run) in milliseconds before the run times out and is aborted (0 for no limit).
     * A plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration idleTimeout;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer;

    /**
     * The gateway method the rpc producer calls, e.g. sessions.list (the header CamelOpenClawMethod overrides it).
     */
    private String method;

    /**
     * The gateway method that starts runs: chat.send or agent. Possible values: chat.send, agent.
     */
    private RunMethod runMethod;

    /**
     * Longest time a run may take, in milliseconds (0 for no limit); a run that exceeds it is aborted on the gateway. A
     * plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration runTimeout;

    /**
     * An endpoint URI that receives each chunk of a run (text, thinking, tool start and result) as its own exchange, in
     * order, while the run is in flight; the exchange itself still gets the aggregated result.
     */
    private String streamTo;

    /**
     * Never run the message as a slash command such as /reset. Gateways honour the flag only for connections holding
     * the operator.admin scope; without it, a message starting with / is refused (COMMAND_NOT_SUPPRESSED) instead of
     * being executed. Disable to let messages run gateway commands.
     */
    private Boolean suppressCommandInterpretation;

    /**
     * Thinking level: off, minimal, low, medium, high, ... (model-dependent).
     */
    private String thinking;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled;

    /**
     * The client name the gateway shows to operators.
     */
    private String clientDisplayName;

    /**
     * Time allowed from opening the socket to the gateway's hello-ok, in milliseconds. A plain number is milliseconds;
     * 30s, 2m or PT2M work too.
     */
    private Duration connectTimeout;

    /**
     * Extra HTTP headers sent with the WebSocket upgrade request, e.g. handshake.x-openclaw-scopes=operator.read. This
     * is a multi-value option with prefix: handshake.
     */
    private Map<String, Object> handshakeHeaders;

    /**
     * Give up after this many failed reconnects in a row; 0 reconnects forever.
     */
    private Integer maxReconnectAttempts;

    /**
     * First delay before reconnecting, in milliseconds; doubled per failed attempt (with jitter). A plain number is
     * milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration reconnectInitialDelay;

    /**
     * Largest delay between reconnect attempts, in milliseconds. A plain number is milliseconds; 30s, 2m or PT2M work
     * too.
     */
    private Duration reconnectMaxDelay;

    /**
     * Timeout of a gateway request (rpc calls, starting and aborting runs), in milliseconds; also the longest wait for
     * the first connection. A plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration requestTimeout;

    /**
     * Ask for tool events (tool-events capability), so runs report their tool calls.
     */
    private Boolean toolEvents;

    /**
     * Threads that complete exchanges once the gateway has answered (the route continues on them) and forward streamed
     * chunks; runs in flight hold no thread.
     */
    private Integer workerPoolSize;

    /**
     * Channel: the address of the openclaw-websocket channel plugin (ws:// or wss://, with its path; the plugin's
     * defaults are port 18800 and path /ws). The senderId, senderName and channelToken options are added as its query
     * parameters.
     */
    private String channelUrl;

    /**
     * Channel: when a reply is complete. The plugin sends no end marker and splits a reply into one done:true frame per
     * paragraph (and per 4,000 characters of a longer paragraph). quietPeriod: complete when replyQuietPeriod passed
     * without a further frame for the message after a done:true frame; firstResponse: complete on the first done:true
     * frame (right only for one-paragraph replies of at most 4,000 characters; the rest arrive at the consumer as late
     * frames). Possible values: quietPeriod, firstResponse.
     */
    private ReplyCompletion replyCompletion;

    /**
     * Channel: the silence after a done:true frame that completes a reply (replyCompletion=quietPeriod), in ms. A plain
     * number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration replyQuietPeriod;

    /**
     * Channel: longest wait for the complete reply to a message, in milliseconds, counted from sending (including a
     * wait for the connection); then the exchange fails with GatewayTimeoutException. A plain number is milliseconds;
     * 30s, 2m or PT2M work too.
     */
    private Duration replyTimeout;

    /**
     * Channel: the connection's sender id (the plugin keeps one agent session per sender; with a verified token the
     * plugin uses the auth service's user id instead). The header CamelOpenClawChannelSenderId overrides it per
     * message.
     */
    private String senderId;

    /**
     * Channel: the connection's sender display name (the header CamelOpenClawChannelSenderName overrides it).
     */
    private String senderName;

    /**
     * Channel: the largest frame in bytes, both ways: a larger message fails with PayloadTooLargeException before it is
     * sent; a larger inbound frame closes the connection (1009) and fails the messages in flight with
     * GatewayProtocolException. Default: the plugin's own limit (100 MiB).
     */
    private Integer channelMaxFrameSize;

    /**
     * Start, watch and stop a local OpenClaw gateway for the gateway URL, which must then be a loopback ws:// address
     * with a port: when the component starts, a gateway already answering on that port is used as it is; otherwise one
     * is started (with the component's token or password, see managedGatewayCommand and managedGatewayVersion) and the
     * component waits until it is ready. A gateway the component started is restarted with backoff when it dies or
     * stops answering, and stopped with the component; one it did not start is left alone. Its state and restarts show
     * in the health check openclaw-managed-gateway.
     */
    private Boolean managedGateway;

    /**
     * The folder managedGatewayVersion is installed into; JVMs that share it install each release once. Default: the
     * environment variable OPENCLAW_CACHE_DIR, else .cache/camel-openclaw in the user's home.
     */
    private String managedGatewayCacheDir;

    /**
     * The command that runs OpenClaw for the managed gateway: an executable on the PATH or a path to one, optionally
     * followed by arguments separated by spaces; or an OpenClaw installation folder (an npm folder holding
     * node_modules/openclaw, or the openclaw package folder), run with the node on the PATH. The component adds gateway
     * run --port PORT --bind loopback. Not used when managedGatewayVersion is set.
     */
    private String managedGatewayCommand;

    /**
     * Extra environment variables of the managed gateway process, for example the API key of its model provider (it
     * inherits this JVM's environment otherwise).
     */
    private Map<String, String> managedGatewayEnvironment;

    /**
     * How often the managed gateway is probed (a WebSocket that must receive connect.challenge), in milliseconds; after
     * three failed probes in a row it counts as hung and is killed and restarted. 0 turns the probes off (a gateway
     * that exits is restarted all the same). A plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration managedGatewayHealthCheckInterval;

    /**
     * Delay before restarting a managed gateway that died, in milliseconds; doubled for each restart that follows
     * within a minute of the last one. A plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration managedGatewayRestartInitialDelay;

    /**
     * Largest delay between restarts of the managed gateway, in milliseconds. A plain number is milliseconds; 30s, 2m
     * or PT2M work too.
     */
    private Duration managedGatewayRestartMaxDelay;

    /**
     * How long the managed gateway may take to start or restart until it is ready, in milliseconds (installing
     * managedGatewayVersion is not included). A plain number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration managedGatewayStartupTimeout;

    /**
     * The managed gateway's state folder (OPENCLAW_STATE_DIR): its openclaw.json, sessions, workspace and logs.
     * Default: OpenClaw's own, .openclaw in the user's home.
     */
    private String managedGatewayStateDir;

    /**
     * How long the managed gateway may take to shut down after SIGTERM before it is killed, in milliseconds. A plain
     * number is milliseconds; 30s, 2m or PT2M work too.
     */
    private Duration managedGatewayStopTimeout;

    /**
     * An exact OpenClaw release (for example 2026.9.6) for the managed gateway: installed from npm together with Node
     * 24 into managedGatewayCacheDir when the component starts, unless already there (needs npm on the PATH; takes a
     * minute or two the first time), and run from there.
     */
    private String managedGatewayVersion;

    /**
     * Pin the gateway's TLS certificate by its SHA-256 fingerprint (hex, colons optional).
     */
    private String certificateFingerprint;

    /**
     * Channel: the token the plugin's auth service verifies (sent as the token query parameter; never logged). A
     * refused token (close 4401) fails every exchange with ChannelAuthException and is not retried.
     */
    private String channelToken;

    /**
     * Sign the handshake with an Ed25519 device identity (created on first use) and keep the device token the gateway
     * issues. On by default, as in OpenClaw's own clients: protocol-3 gateways (openclaw 2026.3.x) grant no scopes to
     * device-less clients, remote gateways pair devices, and only the device that started a run may abort it after a
     * reconnect. New devices on a remote gateway must be paired by an operator (openclaw devices approve, with the
     * request id the connection reports). Set to false to connect with the token or password alone.
     */
    private Boolean deviceIdentity;

    /**
     * The file holding the device identity and device tokens (owner-only permissions). Default value notice:
     * .camel-openclaw/device-identity.json in the user's home
     */
    private String deviceIdentityFile;

    /**
     * The gateway's shared password. Default: the environment variable OPENCLAW_GATEWAY_PASSWORD.
     */
    private String password;

    /**
     * Comma-separated operator scopes to request; the connection fails when the gateway grants fewer.
     */
    private String scopes;

    /**
     * TLS settings for wss:// gateways (default: the JVM's trust store). The option is a SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * The gateway's shared token. Default: the environment variable OPENCLAW_GATEWAY_TOKEN.
     */
    private String token;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public OpenClawConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpenClawConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getGatewayUrl() {
        return gatewayUrl;
    }

    public void setGatewayUrl(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    public PayloadFormat getPayloadFormat() {
        return payloadFormat;
    }

    public void setPayloadFormat(PayloadFormat payloadFormat) {
        this.payloadFormat = payloadFormat;
    }

    public String getSessionKey() {
        return sessionKey;
    }

    public void setSessionKey(String sessionKey) {
        this.sessionKey = sessionKey;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(Integer concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public Boolean getDeliverGreeting() {
        return deliverGreeting;
    }

    public void setDeliverGreeting(Boolean deliverGreeting) {
        this.deliverGreeting = deliverGreeting;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getRunId() {
        return runId;
    }

    public void setRunId(String runId) {
        this.runId = runId;
    }

    public String getStates() {
        return states;
    }

    public void setStates(String states) {
        this.states = states;
    }

    public String getStreams() {
        return streams;
    }

    public void setStreams(String streams) {
        this.streams = streams;
    }

    public Integer getQueueCapacity() {
        return queueCapacity;
    }

    public void setQueueCapacity(Integer queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public String getAgentId() {
        return agentId;
    }

    public void setAgentId(String agentId) {
        this.agentId = agentId;
    }

    public Boolean getDeliver() {
        return deliver;
    }

    public void setDeliver(Boolean deliver) {
        this.deliver = deliver;
    }

    public String getExtraSystemPrompt() {
        return extraSystemPrompt;
    }

    public void setExtraSystemPrompt(String extraSystemPrompt) {
        this.extraSystemPrompt = extraSystemPrompt;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public RunMethod getRunMethod() {
        return runMethod;
    }

    public void setRunMethod(RunMethod runMethod) {
        this.runMethod = runMethod;
    }

    public Duration getRunTimeout() {
        return runTimeout;
    }

    public void setRunTimeout(Duration runTimeout) {
        this.runTimeout = runTimeout;
    }

    public String getStreamTo() {
        return streamTo;
    }

    public void setStreamTo(String streamTo) {
        this.streamTo = streamTo;
    }

    public Boolean getSuppressCommandInterpretation() {
        return suppressCommandInterpretation;
    }

    public void setSuppressCommandInterpretation(Boolean suppressCommandInterpretation) {
        this.suppressCommandInterpretation = suppressCommandInterpretation;
    }

    public String getThinking() {
        return thinking;
    }

    public void setThinking(String thinking) {
        this.thinking = thinking;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getClientDisplayName() {
        return clientDisplayName;
    }

    public void setClientDisplayName(String clientDisplayName) {
        this.clientDisplayName = clientDisplayName;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Map<String, Object> getHandshakeHeaders() {
        return handshakeHeaders;
    }

    public void setHandshakeHeaders(Map<String, Object> handshakeHeaders) {
        this.handshakeHeaders = handshakeHeaders;
    }

    public Integer getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(Integer maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public Duration getReconnectInitialDelay() {
        return reconnectInitialDelay;
    }

    public void setReconnectInitialDelay(Duration reconnectInitialDelay) {
        this.reconnectInitialDelay = reconnectInitialDelay;
    }

    public Duration getReconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    public void setReconnectMaxDelay(Duration reconnectMaxDelay) {
        this.reconnectMaxDelay = reconnectMaxDelay;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Boolean getToolEvents() {
        return toolEvents;
    }

    public void setToolEvents(Boolean toolEvents) {
        this.toolEvents = toolEvents;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public String getChannelUrl() {
        return channelUrl;
    }

    public void setChannelUrl(String channelUrl) {
        this.channelUrl = channelUrl;
    }

    public ReplyCompletion getReplyCompletion() {
        return replyCompletion;
    }

    public void setReplyCompletion(ReplyCompletion replyCompletion) {
        this.replyCompletion = replyCompletion;
    }

    public Duration getReplyQuietPeriod() {
        return replyQuietPeriod;
    }

    public void setReplyQuietPeriod(Duration replyQuietPeriod) {
        this.replyQuietPeriod = replyQuietPeriod;
    }

    public Duration getReplyTimeout() {
        return replyTimeout;
    }

    public void setReplyTimeout(Duration replyTimeout) {
        this.replyTimeout = replyTimeout;
    }

    public String getSenderId() {
        return senderId;
    }

    public void setSenderId(String senderId) {
        this.senderId = senderId;
    }

    public String getSenderName() {
        return senderName;
    }

    public void setSenderName(String senderName) {
        this.senderName = senderName;
    }

    public Integer getChannelMaxFrameSize() {
        return channelMaxFrameSize;
    }

    public void setChannelMaxFrameSize(Integer channelMaxFrameSize) {
        this.channelMaxFrameSize = channelMaxFrameSize;
    }

    public Boolean getManagedGateway() {
        return managedGateway;
    }

    public void setManagedGateway(Boolean managedGateway) {
        this.managedGateway = managedGateway;
    }

    public String getManagedGatewayCacheDir() {
        return managedGatewayCacheDir;
    }

    public void setManagedGatewayCacheDir(String managedGatewayCacheDir) {
        this.managedGatewayCacheDir = managedGatewayCacheDir;
    }

    public String getManagedGatewayCommand() {
        return managedGatewayCommand;
    }

    public void setManagedGatewayCommand(String managedGatewayCommand) {
        this.managedGatewayCommand = managedGatewayCommand;
    }

    public Map<String, String> getManagedGatewayEnvironment() {
        return managedGatewayEnvironment;
    }

    public void setManagedGatewayEnvironment(Map<String, String> managedGatewayEnvironment) {
        this.managedGatewayEnvironment = managedGatewayEnvironment;
    }

    public Duration getManagedGatewayHealthCheckInterval() {
        return managedGatewayHealthCheckInterval;
    }

    public void setManagedGatewayHealthCheckInterval(Duration managedGatewayHealthCheckInterval) {
        this.managedGatewayHealthCheckInterval = managedGatewayHealthCheckInterval;
    }

    public Duration getManagedGatewayRestartInitialDelay() {
        return managedGatewayRestartInitialDelay;
    }

    public void setManagedGatewayRestartInitialDelay(Duration managedGatewayRestartInitialDelay) {
        this.managedGatewayRestartInitialDelay = managedGatewayRestartInitialDelay;
    }

    public Duration getManagedGatewayRestartMaxDelay() {
        return managedGatewayRestartMaxDelay;
    }

    public void setManagedGatewayRestartMaxDelay(Duration managedGatewayRestartMaxDelay) {
        this.managedGatewayRestartMaxDelay = managedGatewayRestartMaxDelay;
    }

    public Duration getManagedGatewayStartupTimeout() {
        return managedGatewayStartupTimeout;
    }

    public void setManagedGatewayStartupTimeout(Duration managedGatewayStartupTimeout) {
        this.managedGatewayStartupTimeout = managedGatewayStartupTimeout;
    }

    public String getManagedGatewayStateDir() {
        return managedGatewayStateDir;
    }

    public void setManagedGatewayStateDir(String managedGatewayStateDir) {
        this.managedGatewayStateDir = managedGatewayStateDir;
    }

    public Duration getManagedGatewayStopTimeout() {
        return managedGatewayStopTimeout;
    }

    public void setManagedGatewayStopTimeout(Duration managedGatewayStopTimeout) {
        this.managedGatewayStopTimeout = managedGatewayStopTimeout;
    }

    public String getManagedGatewayVersion() {
        return managedGatewayVersion;
    }

    public void setManagedGatewayVersion(String managedGatewayVersion) {
        this.managedGatewayVersion = managedGatewayVersion;
    }

    public String getCertificateFingerprint() {
        return certificateFingerprint;
    }

    public void setCertificateFingerprint(String certificateFingerprint) {
        this.certificateFingerprint = certificateFingerprint;
    }

    public String getChannelToken() {
        return channelToken;
    }

    public void setChannelToken(String channelToken) {
        this.channelToken = channelToken;
    }

    public Boolean getDeviceIdentity() {
        return deviceIdentity;
    }

    public void setDeviceIdentity(Boolean deviceIdentity) {
        this.deviceIdentity = deviceIdentity;
    }

    public String getDeviceIdentityFile() {
        return deviceIdentityFile;
    }

    public void setDeviceIdentityFile(String deviceIdentityFile) {
        this.deviceIdentityFile = deviceIdentityFile;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    /** The options that are set; secrets are masked, objects only named, maps show their keys. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "OpenClawComponentConfiguration[", "]");
        add(s, "configuration", configuration == null ? null : "set");
        add(s, "gatewayUrl", gatewayUrl);
        add(s, "payloadFormat", payloadFormat);
        add(s, "sessionKey", sessionKey);
        add(s, "bridgeErrorHandler", bridgeErrorHandler);
        add(s, "concurrentConsumers", concurrentConsumers);
        add(s, "deliverGreeting", deliverGreeting);
        add(s, "events", events);
        add(s, "runId", runId);
        add(s, "states", states);
        add(s, "streams", streams);
        add(s, "queueCapacity", queueCapacity);
        add(s, "agentId", agentId);
        add(s, "deliver", deliver);
        add(s, "extraSystemPrompt", extraSystemPrompt);
        add(s, "idleTimeout", idleTimeout);
        add(s, "lazyStartProducer", lazyStartProducer);
        add(s, "method", method);
        add(s, "runMethod", runMethod);
        add(s, "runTimeout", runTimeout);
        add(s, "streamTo", streamTo);
        add(s, "suppressCommandInterpretation", suppressCommandInterpretation);
        add(s, "thinking", thinking);
        add(s, "autowiredEnabled", autowiredEnabled);
        add(s, "clientDisplayName", clientDisplayName);
        add(s, "connectTimeout", connectTimeout);
        add(s, "handshakeHeaders", handshakeHeaders == null ? null : handshakeHeaders.keySet());
        add(s, "maxReconnectAttempts", maxReconnectAttempts);
        add(s, "reconnectInitialDelay", reconnectInitialDelay);
        add(s, "reconnectMaxDelay", reconnectMaxDelay);
        add(s, "requestTimeout", requestTimeout);
        add(s, "toolEvents", toolEvents);
        add(s, "workerPoolSize", workerPoolSize);
        add(s, "channelUrl", channelUrl);
        add(s, "replyCompletion", replyCompletion);
        add(s, "replyQuietPeriod", replyQuietPeriod);
        add(s, "replyTimeout", replyTimeout);
        add(s, "senderId", senderId);
        add(s, "senderName", senderName);
        add(s, "channelMaxFrameSize", channelMaxFrameSize);
        add(s, "managedGateway", managedGateway);
        add(s, "managedGatewayCacheDir", managedGatewayCacheDir);
        add(s, "managedGatewayCommand", managedGatewayCommand);
        add(s, "managedGatewayEnvironment", managedGatewayEnvironment == null ? null : managedGatewayEnvironment.keySet());
        add(s, "managedGatewayHealthCheckInterval", managedGatewayHealthCheckInterval);
        add(s, "managedGatewayRestartInitialDelay", managedGatewayRestartInitialDelay);
        add(s, "managedGatewayRestartMaxDelay", managedGatewayRestartMaxDelay);
        add(s, "managedGatewayStartupTimeout", managedGatewayStartupTimeout);
        add(s, "managedGatewayStateDir", managedGatewayStateDir);
        add(s, "managedGatewayStopTimeout", managedGatewayStopTimeout);
        add(s, "managedGatewayVersion", managedGatewayVersion);
        add(s, "certificateFingerprint", certificateFingerprint);
        add(s, "channelToken", channelToken == null ? null : MASK);
        add(s, "deviceIdentity", deviceIdentity);
        add(s, "deviceIdentityFile", deviceIdentityFile);
        add(s, "password", password == null ? null : MASK);
        add(s, "scopes", scopes);
        add(s, "sslContextParameters", sslContextParameters == null ? null : "set");
        add(s, "token", token == null ? null : MASK);
        return s.toString();
    }

    private static void add(StringJoiner joiner, String name, Object value) {
        if (value != null) {
            joiner.add(name + "=" + value);
        }
    }
}
