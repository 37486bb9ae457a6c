package io.camelopenclaw.component;

import org.apache.camel.health.HealthCheck;

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
}
