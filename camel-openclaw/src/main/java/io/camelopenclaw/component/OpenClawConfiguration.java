package io.camelopenclaw.component;

import io.camelopenclaw.client.channel.ChannelClientOptions;
import io.camelopenclaw.client.channel.ReplyCompletion;
import io.camelopenclaw.client.run.RunMethod;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an openclaw: endpoint: those of its gateway connection ({@link OpenClawConnectionConfiguration})
 * and what the endpoint does with it; the component holds the defaults and copies them per endpoint.
 */
@Configurer
@UriParams
public class OpenClawConfiguration extends OpenClawConnectionConfiguration {

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
    private ReplyCompletion replyCompletion = ReplyCompletion.QUIET_PERIOD;

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

    public ReplyCompletion getReplyCompletion() {
        return replyCompletion;
    }

    /**
     * Channel: when a reply is complete. The plugin sends no end marker and splits a reply into one done:true frame
     * per paragraph (and per 4,000 characters of a longer paragraph). quietPeriod: complete when replyQuietPeriod
     * passed without a further frame for the message after a done:true frame; firstResponse: complete on the first
     * done:true frame (right only for one-paragraph replies of at most 4,000 characters; the rest arrive at the
     * consumer as late frames).
     */
    public void setReplyCompletion(ReplyCompletion replyCompletion) {
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
    @Override
    public OpenClawConfiguration copy() {
        return (OpenClawConfiguration) super.copy();
    }
}
