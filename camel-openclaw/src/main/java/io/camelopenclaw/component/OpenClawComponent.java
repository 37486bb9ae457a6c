package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.camelopenclaw.gateway.GatewayCommand;
import io.camelopenclaw.gateway.ManagedGatewayOptions;
import io.camelopenclaw.gateway.ManagedGatewayStatus;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The openclaw: component: holds the endpoint defaults, the shared gateway connections and the worker threads
 * that complete exchanges once the gateway has answered; with managedGateway, it also runs a local gateway.
 */
@Component(OpenClawConstants.SCHEME)
public class OpenClawComponent extends DefaultComponent {

    /** The URI prefix of handshake header options: {@code handshake.<header name>=<value>}. */
    static final String HANDSHAKE_PREFIX = "handshake.";

    @Metadata
    private OpenClawConfiguration configuration = new OpenClawConfiguration();

    @Metadata(label = "advanced", defaultValue = "10")
    private int workerPoolSize = 10;

    @Metadata(label = "managed", defaultValue = "false")
    private boolean managedGateway;

    @Metadata(label = "managed", defaultValue = GatewayCommand.DEFAULT)
    private String managedGatewayCommand = GatewayCommand.DEFAULT;

    @Metadata(label = "managed")
    private String managedGatewayVersion;

    @Metadata(label = "managed")
    private String managedGatewayCacheDir;

    @Metadata(label = "managed")
    private String managedGatewayStateDir;

    @Metadata(label = "managed")
    private Map<String, String> managedGatewayEnvironment;

    @Metadata(label = "managed", defaultValue = "120000", javaType = "java.time.Duration")
    private long managedGatewayStartupTimeout = ManagedGatewayOptions.DEFAULT_STARTUP_TIMEOUT.toMillis();

    @Metadata(label = "managed", defaultValue = "1000", javaType = "java.time.Duration")
    private long managedGatewayRestartInitialDelay = ManagedGatewayOptions.DEFAULT_RESTART_INITIAL_DELAY.toMillis();

    @Metadata(label = "managed", defaultValue = "30000", javaType = "java.time.Duration")
    private long managedGatewayRestartMaxDelay = ManagedGatewayOptions.DEFAULT_RESTART_MAX_DELAY.toMillis();

    @Metadata(label = "managed", defaultValue = "10000", javaType = "java.time.Duration")
    private long managedGatewayHealthCheckInterval = ManagedGatewayOptions.DEFAULT_HEALTH_CHECK_INTERVAL.toMillis();

    @Metadata(label = "managed", defaultValue = "10000", javaType = "java.time.Duration")
    private long managedGatewayStopTimeout = ManagedGatewayOptions.DEFAULT_STOP_TIMEOUT.toMillis();

    private UnaryOperator<String> environment = System::getenv;
    private GatewayConnectionRegistry connections;
    private ExecutorService workerPool;
    private ManagedGatewayService managedGatewayService;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OpenClawConfiguration endpointConfiguration = configuration.copy();
        Map<String, Object> handshakeHeaders = PropertiesHelper.extractProperties(parameters, HANDSHAKE_PREFIX);
        OpenClawEndpoint endpoint = new OpenClawEndpoint(uri, this, OpenClawKind.of(remaining), endpointConfiguration);
        setProperties(endpoint, parameters);
        if (!handshakeHeaders.isEmpty()) {
            Map<String, Object> merged = endpointConfiguration.getHandshakeHeaders() == null
                    ? new HashMap<>()
                    : endpointConfiguration.getHandshakeHeaders();
            merged.putAll(handshakeHeaders);
            endpointConfiguration.setHandshakeHeaders(merged);
        }
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (managedGateway) {
            managedGatewayService = ManagedGatewayService.start(this);
        }
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
        if (managedGatewayService != null) {
            managedGatewayService.stop();
            managedGatewayService = null;
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

    public boolean isManagedGateway() {
        return managedGateway;
    }

    /**
     * Start, watch and stop a local OpenClaw gateway for the gateway URL, which must then be a loopback ws:// address
     * with a port: when the component starts, a gateway already answering on that port is used as it is; otherwise
     * one is started (with the component's token or password, see managedGatewayCommand and managedGatewayVersion)
     * and the component waits until it is ready. A gateway the component started is restarted with backoff when it
     * dies or stops answering, and stopped with the component; one it did not start is left alone. Its state and
     * restarts show in the health check openclaw-managed-gateway.
     */
    public void setManagedGateway(boolean managedGateway) {
        this.managedGateway = managedGateway;
    }

    public String getManagedGatewayCommand() {
        return managedGatewayCommand;
    }

    /**
     * The command that runs OpenClaw for the managed gateway: an executable on the PATH or a path to one, optionally
     * followed by arguments separated by spaces; or an OpenClaw installation folder (an npm folder holding
     * node_modules/openclaw, or the openclaw package folder), run with the node on the PATH. The component adds
     * gateway run --port PORT --bind loopback. Not used when managedGatewayVersion is set.
     */
    public void setManagedGatewayCommand(String managedGatewayCommand) {
        this.managedGatewayCommand = managedGatewayCommand;
    }

    public String getManagedGatewayVersion() {
        return managedGatewayVersion;
    }

    /**
     * An exact OpenClaw release (for example 2026.9.6) for the managed gateway: installed from npm together with
     * Node 24 into managedGatewayCacheDir when the component starts, unless already there (needs npm on the PATH;
     * takes a minute or two the first time), and run from there.
     */
    public void setManagedGatewayVersion(String managedGatewayVersion) {
        this.managedGatewayVersion = managedGatewayVersion;
    }

    public String getManagedGatewayCacheDir() {
        return managedGatewayCacheDir;
    }

    /**
     * The folder managedGatewayVersion is installed into; JVMs that share it install each release once. Default: the
     * environment variable OPENCLAW_CACHE_DIR, else .cache/camel-openclaw in the user's home.
     */
    public void setManagedGatewayCacheDir(String managedGatewayCacheDir) {
        this.managedGatewayCacheDir = managedGatewayCacheDir;
    }

    public String getManagedGatewayStateDir() {
        return managedGatewayStateDir;
    }

    /**
     * The managed gateway's state folder (OPENCLAW_STATE_DIR): its openclaw.json, sessions, workspace and logs.
     * Default: OpenClaw's own, .openclaw in the user's home.
     */
    public void setManagedGatewayStateDir(String managedGatewayStateDir) {
        this.managedGatewayStateDir = managedGatewayStateDir;
    }

    public Map<String, String> getManagedGatewayEnvironment() {
        return managedGatewayEnvironment;
    }

    /**
     * Extra environment variables of the managed gateway process, for example the API key of its model provider
     * (it inherits this JVM's environment otherwise).
     */
    public void setManagedGatewayEnvironment(Map<String, String> managedGatewayEnvironment) {
        this.managedGatewayEnvironment = managedGatewayEnvironment;
    }

    public long getManagedGatewayStartupTimeout() {
        return managedGatewayStartupTimeout;
    }

    /**
     * How long the managed gateway may take to start or restart until it is ready, in milliseconds (installing
     * managedGatewayVersion is not included).
     */
    public void setManagedGatewayStartupTimeout(long managedGatewayStartupTimeout) {
        this.managedGatewayStartupTimeout = managedGatewayStartupTimeout;
    }

    public long getManagedGatewayRestartInitialDelay() {
        return managedGatewayRestartInitialDelay;
    }

    /**
     * Delay before restarting a managed gateway that died, in milliseconds; doubled for each restart that follows
     * within a minute of the last one.
     */
    public void setManagedGatewayRestartInitialDelay(long managedGatewayRestartInitialDelay) {
        this.managedGatewayRestartInitialDelay = managedGatewayRestartInitialDelay;
    }

    public long getManagedGatewayRestartMaxDelay() {
        return managedGatewayRestartMaxDelay;
    }

    /** Largest delay between restarts of the managed gateway, in milliseconds. */
    public void setManagedGatewayRestartMaxDelay(long managedGatewayRestartMaxDelay) {
        this.managedGatewayRestartMaxDelay = managedGatewayRestartMaxDelay;
    }

    public long getManagedGatewayHealthCheckInterval() {
        return managedGatewayHealthCheckInterval;
    }

    /**
     * How often the managed gateway is probed (a WebSocket that must receive connect.challenge), in milliseconds;
     * after three failed probes in a row it counts as hung and is killed and restarted. 0 turns the probes off (a
     * gateway that exits is restarted all the same).
     */
    public void setManagedGatewayHealthCheckInterval(long managedGatewayHealthCheckInterval) {
        this.managedGatewayHealthCheckInterval = managedGatewayHealthCheckInterval;
    }

    public long getManagedGatewayStopTimeout() {
        return managedGatewayStopTimeout;
    }

    /** How long the managed gateway may take to shut down after SIGTERM before it is killed, in milliseconds. */
    public void setManagedGatewayStopTimeout(long managedGatewayStopTimeout) {
        this.managedGatewayStopTimeout = managedGatewayStopTimeout;
    }

    /** The managed gateway's state and restarts, or {@code null} when managedGateway is off or not started. */
    public ManagedGatewayStatus managedGatewayStatus() {
        return managedGatewayService == null
                ? null
                : managedGatewayService.gateway().status();
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
