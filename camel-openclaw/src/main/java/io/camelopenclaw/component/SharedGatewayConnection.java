package io.camelopenclaw.component;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayTimeoutException;

/**
 * One gateway connection shared by every endpoint with the same {@link ConnectionSettings}: the client, the per-session
 * run queue and the connection's health check. Reference-counted by {@link GatewayConnectionRegistry}.
 */
final class SharedGatewayConnection {

    private final ConnectionSettings settings;
    private final GatewayClient client;
    private final SessionSerializer sessions = new SessionSerializer();
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
    SessionSerializer sessions() {
        return sessions;
    }

    /**
     * The key that identifies a session the way the gateway does: lower case, and agent-scoped ({@code support}
     * is {@code agent:main:support} when {@code main} is the default agent). {@code null} stands for the default
     * agent's main session ({@code agent} method without a session key).
     */
    String sessionQueueKey(String sessionKey) {
        GatewayInfo info = client.info();
        String defaultAgent = info == null || info.defaultAgentId() == null ? "main" : info.defaultAgentId();
        String key = sessionKey == null ? "main" : sessionKey.toLowerCase(Locale.ROOT);
        return key.startsWith("agent:") ? key : "agent:" + defaultAgent + ":" + key;
    }

    OpenClawConnectionHealthCheck healthCheck() {
        return healthCheck;
    }

    /**
     * Completes once the connection has been established at least once (requests made while reconnecting wait for the
     * connection themselves); fails at once when an operator must act, and after the request timeout when the gateway
     * has not answered by then.
     */
    CompletableFuture<GatewayInfo> ready() {
        ConnectionStatus status = client.status();
        if (status.state() == ConnectionState.NEEDS_OPERATOR_ACTION && status.error() != null) {
            return CompletableFuture.failedFuture(status.error());
        }
        return client.connect().copy()
                .orTimeout(settings.requestTimeout(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(e instanceof TimeoutException
                        ? new GatewayTimeoutException("Gateway " + settings.gatewayUrl() + " not connected within "
                                                      + settings.requestTimeout() + " ms ("
                                                      + client.status().reason() + ")")
                        : e));
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
