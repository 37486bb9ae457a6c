package io.camelopenclaw.component;

import java.net.URI;
import java.util.List;

import io.camelopenclaw.client.channel.ChannelClient;
import io.camelopenclaw.client.channel.ChannelUrls;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Run agents, call gateway methods and receive events of an OpenClaw AI agent gateway, or chat with its agents through
 * the openclaw-websocket channel plugin.
 */
@UriEndpoint(
        firstVersion = "0.1.0",
        scheme = OpenClawConstants.SCHEME,
        title = "OpenClaw",
        syntax = "openclaw:kind",
        category = {Category.AI},
        headersClass = OpenClawConstants.class)
public class OpenClawEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(
            enums = "agent,events,rpc,channel",
            description = "What the endpoint does: `agent` runs agents (producer) or receives finished runs"
                    + " (consumer); `events` receives gateway events (consumer); `rpc` calls any gateway"
                    + " method (producer); `channel` chats with the agent through the openclaw-websocket channel"
                    + " plugin: a message in, the aggregated reply out (producer), or the messages the agent sends"
                    + " unprompted (consumer).")
    @Metadata(required = true)
    private OpenClawKind kind;

    @UriParam
    private OpenClawConfiguration configuration;

    @UriParam(label = "consumer")
    private boolean catchUp;

    @UriParam(label = "consumer", defaultValue = "200")
    private int catchUpLimit = 200;

    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;

    private IdempotentRepository defaultRepository;

    private ChannelClient channelClient;
    private OpenClawChannelHealthCheck channelHealthCheck;
    private int channelUsers;

    OpenClawEndpoint(String uri, OpenClawComponent component, OpenClawKind kind, OpenClawConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.configuration = configuration;
    }

    @Override
    public OpenClawComponent getComponent() {
        return (OpenClawComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (kind) {
            case AGENT -> new OpenClawAgentProducer(this);
            case RPC -> new OpenClawRpcProducer(this);
            case CHANNEL -> new OpenClawChannelProducer(this);
            default ->
                throw new UnsupportedOperationException(
                        "openclaw:" + kind + " has no producer; use openclaw:agent, openclaw:rpc or openclaw:channel");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (catchUp && kind != OpenClawKind.EVENTS) {
            throw new IllegalArgumentException("catchUp is an option of openclaw:events only, not of openclaw:" + kind);
        }
        Consumer consumer = switch (kind) {
            case AGENT -> new OpenClawAgentConsumer(this, processor);
            case EVENTS -> new OpenClawEventsConsumer(this, processor);
            case CHANNEL -> new OpenClawChannelConsumer(this, processor);
            default ->
                throw new UnsupportedOperationException("openclaw:" + kind
                        + " has no consumer; use openclaw:agent, openclaw:events or openclaw:channel");
        };
        configureConsumer(consumer);
        return consumer;
    }

    public OpenClawKind getKind() {
        return kind;
    }

    public OpenClawConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OpenClawConfiguration configuration) {
        this.configuration = configuration;
    }

    public boolean isCatchUp() {
        return catchUp;
    }

    /**
     * Events consumer: on start and after every reconnect, read the chat.history of the watched sessions (the exact
     * sessionKey, else the sessions of sessions.list that match it) and deliver the ends of runs that finished while
     * the consumer was away, with the header CamelOpenClawCatchUp=true. Live and caught-up run ends are recorded by
     * run id in the idempotentRepository, so each is delivered once. Needs a protocol 4 gateway (OpenClaw 2026.9 or
     * later; older history rows carry no run ids).
     */
    public void setCatchUp(boolean catchUp) {
        this.catchUp = catchUp;
    }

    public int getCatchUpLimit() {
        return catchUpLimit;
    }

    /** Events consumer with catchUp: how many of a session's newest chat.history messages to read. */
    public void setCatchUpLimit(int catchUpLimit) {
        this.catchUpLimit = catchUpLimit;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Events consumer with catchUp: where the run ids of delivered run ends are recorded (default: in memory, per
     * consumer). Share one repository between the nodes of a cluster (for example a FileIdempotentRepository on a
     * shared volume) so that a new leader does not deliver again what the old one did.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    /**
     * The repository of delivered run ends: the configured one, else one in memory that lives as long as the endpoint
     * (a route restart creates a new consumer, which must not deliver again what the previous one did).
     */
    synchronized IdempotentRepository deliveredRuns() {
        if (idempotentRepository != null) {
            return idempotentRepository;
        }
        if (defaultRepository == null) {
            defaultRepository = MemoryIdempotentRepository.memoryIdempotentRepository();
        }
        return defaultRepository;
    }

    /** The connection settings with the environment defaults applied. */
    ConnectionSettings connectionSettings() {
        return ConnectionSettings.of(configuration, getComponent().environment());
    }

    /** The shared connection for this endpoint's settings; give it back with {@link #releaseConnection}. */
    SharedGatewayConnection acquireConnection() throws Exception {
        return getComponent().connections().acquire(connectionSettings());
    }

    void releaseConnection(SharedGatewayConnection connection) {
        getComponent().connections().release(connection);
    }

    /**
     * The channel client of this endpoint, shared by its producer and consumer (created, not started, by the first
     * caller; callers start it); give it back with {@link #releaseChannel()}.
     */
    synchronized ChannelClient acquireChannel() {
        if (channelClient == null) {
            channelClient = new ChannelClient(ChannelSettings.options(configuration));
            channelHealthCheck = new OpenClawChannelHealthCheck(
                    "openclaw:channel:" + URISupport.sanitizeUri(getEndpointUri()), channelClient);
            channelHealthCheck.register(getCamelContext());
        }
        channelUsers++;
        return channelClient;
    }

    /** Closes the channel client when its last user gives it back. */
    synchronized void releaseChannel() {
        if (--channelUsers == 0) {
            channelHealthCheck.unregister(getCamelContext());
            channelClient.close();
            channelClient = null;
            channelHealthCheck = null;
        }
    }

    @Override
    public String getServiceUrl() {
        return kind == OpenClawKind.CHANNEL
                ? ChannelUrls.redact(configuration.getChannelUrl())
                : connectionSettings().gatewayUrl();
    }

    @Override
    public String getServiceProtocol() {
        return URI.create(getServiceUrl()).getScheme();
    }

    /** The non-blank items of a comma-separated list, trimmed; empty for {@code null}. */
    static List<String> splitList(String csv) {
        return csv == null
                ? List.of()
                : StringHelper.splitAsStream(csv, ",")
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
