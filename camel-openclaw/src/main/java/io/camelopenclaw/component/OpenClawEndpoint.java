package io.camelopenclaw.component;

import java.net.URI;
import java.util.List;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.StringHelper;

/**
 * Run agents, call gateway methods and receive events of an OpenClaw AI agent gateway.
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
            enums = "agent,events,rpc",
            description = "What the endpoint does: `agent` runs agents (producer) or receives finished runs"
                    + " (consumer); `events` receives gateway events (consumer); `rpc` calls any gateway"
                    + " method (producer).")
    @Metadata(required = true)
    private OpenClawKind kind;

    @UriParam
    private OpenClawConfiguration configuration;

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
            default ->
                throw new UnsupportedOperationException(
                        "openclaw:" + kind + " has no producer; use" + " openclaw:agent or openclaw:rpc");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (kind) {
            case AGENT -> new OpenClawAgentConsumer(this, processor);
            case EVENTS -> new OpenClawEventsConsumer(this, processor);
            default ->
                throw new UnsupportedOperationException(
                        "openclaw:" + kind + " has no consumer; use" + " openclaw:agent or openclaw:events");
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

    @Override
    public String getServiceUrl() {
        return connectionSettings().gatewayUrl();
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
