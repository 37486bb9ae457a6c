package io.camelopenclaw.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's gateway connections, one per distinct {@link ConnectionSettings}: opened (and its health check
 * registered) when the first producer or consumer acquires it, closed when the last one releases it.
 */
final class GatewayConnectionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnectionRegistry.class);

    private final CamelContext context;
    private final Map<ConnectionSettings, SharedGatewayConnection> connections = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    GatewayConnectionRegistry(CamelContext context) {
        this.context = context;
    }

    /** The shared connection for these settings, connecting it if it is new. */
    synchronized SharedGatewayConnection acquire(ConnectionSettings settings) throws Exception {
        SharedGatewayConnection connection = connections.get(settings);
        if (connection == null) {
            GatewayClientOptions options = settings.toClientOptions(context);
            GatewayClient client = GatewayClient.create(options);
            connection = new SharedGatewayConnection(
                    settings, client, "openclaw:" + settings.gatewayUrl() + "#" + sequence.incrementAndGet());
            connections.put(settings, connection);
            connection.healthCheck().register(context);
            LOG.debug("Opening gateway connection {}", settings);
            DeviceIdentityStore device = options.deviceIdentityStore();
            if (device != null) {
                LOG.info(
                        "OpenClaw connection to {} signs with device {} from {} (deviceIdentity=false turns this off)",
                        settings.gatewayUrl(),
                        device.identity().deviceId(),
                        device.path());
            }
            client.connect();
        }
        connection.retain();
        return connection;
    }

    /** Gives a connection back; the last user closes it (aborting runs still in flight). */
    synchronized void release(SharedGatewayConnection connection) {
        if (connection.release()) {
            connections.remove(connection.settings());
            close(connection);
        }
    }

    /** Closes every connection (the component stops). */
    synchronized void closeAll() {
        new ArrayList<>(connections.values()).forEach(this::close);
        connections.clear();
    }

    /** The open connections (for tests and tooling). */
    synchronized Map<ConnectionSettings, SharedGatewayConnection> connections() {
        return Map.copyOf(connections);
    }

    private void close(SharedGatewayConnection connection) {
        LOG.debug("Closing gateway connection {}", connection.settings());
        connection.healthCheck().unregister(context);
        connection.client().close();
    }
}
