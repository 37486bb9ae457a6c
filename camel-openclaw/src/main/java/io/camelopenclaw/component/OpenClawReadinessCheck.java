package io.camelopenclaw.component;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * What the component's health checks share: group {@code openclaw}, an id, an enabled flag, and readiness only (a lost
 * or restarting gateway is no reason to restart the application).
 */
abstract class OpenClawReadinessCheck implements HealthCheck {

    private final String id;
    private volatile boolean enabled = true;

    OpenClawReadinessCheck(String id) {
        this.id = id;
    }

    @Override
    public String getGroup() {
        return OpenClawConstants.SCHEME;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    /** Registers this check with the context's health check registry, when it has one ({@code camel-health}). */
    void register(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.register(this);
        }
    }

    /** Removes this check from the context's health check registry, when it has one. */
    void unregister(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.unregister(this);
        }
    }
}
