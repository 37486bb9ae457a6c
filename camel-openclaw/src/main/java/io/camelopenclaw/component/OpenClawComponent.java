package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The openclaw: component: holds the endpoint defaults, the shared gateway connections and the worker threads
 * that complete exchanges once the gateway has answered.
 */
@Component(OpenClawConstants.SCHEME)
public class OpenClawComponent extends DefaultComponent {

    /** The URI prefix of handshake header options: {@code handshake.<header name>=<value>}. */
    static final String HANDSHAKE_PREFIX = "handshake.";
    static final Set<String> KINDS = Set.of(OpenClawEndpoint.AGENT, OpenClawEndpoint.EVENTS, OpenClawEndpoint.RPC);

    @Metadata
    private OpenClawConfiguration configuration = new OpenClawConfiguration();
    @Metadata(label = "advanced", defaultValue = "10")
    private int workerPoolSize = 10;

    private UnaryOperator<String> environment = System::getenv;
    private GatewayConnectionRegistry connections;
    private ExecutorService workerPool;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!KINDS.contains(remaining)) {
            throw new IllegalArgumentException("Unknown openclaw endpoint kind '" + remaining
                                               + "': use openclaw:agent, openclaw:events or openclaw:rpc");
        }
        OpenClawConfiguration endpointConfiguration = configuration.copy();
        Map<String, Object> handshakeHeaders = PropertiesHelper.extractProperties(parameters, HANDSHAKE_PREFIX);
        OpenClawEndpoint endpoint = new OpenClawEndpoint(uri, this, remaining, endpointConfiguration);
        setProperties(endpoint, parameters);
        if (!handshakeHeaders.isEmpty()) {
            Map<String, Object> merged = endpointConfiguration.getHandshakeHeaders() == null ? new HashMap<>()
                    : endpointConfiguration.getHandshakeHeaders();
            merged.putAll(handshakeHeaders);
            endpointConfiguration.setHandshakeHeaders(merged);
        }
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connections = new GatewayConnectionRegistry(getCamelContext());
        ThreadPoolProfile profile = new ThreadPoolProfile("openclaw");
        profile.setPoolSize(workerPoolSize);
        profile.setMaxPoolSize(workerPoolSize);
        // Camel's thread pool factory gives a non-positive queue size a SynchronousQueue (direct hand-off, no queue):
        // with every worker busy, completions would be rejected. Completions must queue, never be refused.
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setAllowCoreThreadTimeOut(true);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workerPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "OpenClaw", profile);
    }

    @Override
    protected void doStop() throws Exception {
        if (connections != null) {
            connections.closeAll();
        }
        if (workerPool != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workerPool);
            workerPool = null;
        }
        super.doStop();
    }

    public OpenClawConfiguration getConfiguration() {
        return configuration;
    }

    /** The defaults of every endpoint (each endpoint gets its own copy). */
    public void setConfiguration(OpenClawConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    /**
     * Threads that complete exchanges once the gateway has answered (the route continues on them) and forward
     * streamed chunks; runs in flight hold no thread.
     */
    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    GatewayConnectionRegistry connections() {
        return connections;
    }

    ExecutorService workerPool() {
        return workerPool;
    }

    UnaryOperator<String> environment() {
        return environment;
    }

    /** Replaces the environment lookup (tests). */
    void setEnvironment(UnaryOperator<String> environment) {
        this.environment = environment;
    }
}
