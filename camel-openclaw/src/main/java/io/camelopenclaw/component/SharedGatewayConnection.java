package io.camelopenclaw.component;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.SessionKeys;

/**
 * One gateway connection shared by every endpoint with the same {@link ConnectionSettings}: the client, the per-session
 * run queue and the connection's health check. Reference-counted by {@link GatewayConnectionRegistry}.
 */
final class SharedGatewayConnection {

    private final ConnectionSettings settings;
    private final GatewayClient client;
    private final SessionRunQueue sessions = new SessionRunQueue();
    private final OpenClawConnectionHealthCheck healthCheck;
    private int users;

    SharedGatewayConnection(ConnectionSettings settings, GatewayClient client, String healthCheckId) {
        this.settings = settings;
        this.client = client;
        this.healthCheck = new OpenClawConnectionHealthCheck(healthCheckId, settings.gatewayUrl(), client);
    }

    ConnectionSettings settings() {
        return settings;
    }

    GatewayClient client() {
        return client;
    }

    /** Runs of the same session, one at a time, in arrival order; keyed by {@link #sessionQueueKey}. */
    SessionRunQueue sessions() {
        return sessions;
    }

    /** The session's queue: its key as the gateway names it (see {@link SessionKeys}). */
    String sessionQueueKey(String sessionKey, String agentId) {
        return SessionKeys.canonical(sessionKey, agentId, client.info());
    }

    OpenClawConnectionHealthCheck healthCheck() {
        return healthCheck;
    }

    /** Adds a user; returns {@code true} for the first. Guarded by the registry. */
    boolean retain() {
        return users++ == 0;
    }

    /** Removes a user; returns {@code true} when it was the last. Guarded by the registry. */
    boolean release() {
        return --users == 0;
    }

    @Override
    public String toString() {
        return "SharedGatewayConnection[" + settings + ", " + users + " users]";
    }
}
