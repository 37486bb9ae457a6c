package io.camelopenclaw.component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;

/** A minimal {@link HealthCheckRegistry} (camel-health is not a dependency): keeps what is registered. */
final class TestHealthCheckRegistry implements HealthCheckRegistry {

    private final Map<String, HealthCheck> checks = new ConcurrentHashMap<>();
    private CamelContext context;
    private String id = "test";

    Map<String, HealthCheck> checks() {
        return checks;
    }

    @Override
    public boolean register(Object obj) {
        return obj instanceof HealthCheck check && checks.putIfAbsent(check.getId(), check) == null;
    }

    @Override
    public boolean unregister(Object obj) {
        return obj instanceof HealthCheck check && checks.remove(check.getId(), check);
    }

    @Override
    public Stream<HealthCheck> stream() {
        return checks.values().stream();
    }

    @Override
    public Object resolveById(String id) {
        return checks.get(id);
    }

    @Override
    public Optional<HealthCheckRepository> getRepository(String id) {
        return Optional.empty();
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public void setEnabled(boolean enabled) {}

    @Override
    public void loadHealthChecks() {}

    @Override
    public String getExcludePattern() {
        return null;
    }

    @Override
    public void setExcludePattern(String pattern) {}

    @Override
    public boolean isExcluded(HealthCheck healthCheck) {
        return false;
    }

    @Override
    public void setExposureLevel(String level) {}

    @Override
    public String getExposureLevel() {
        return "full";
    }

    @Override
    public void setInitialState(HealthCheck.State state) {}

    @Override
    public HealthCheck.State getInitialState() {
        return HealthCheck.State.DOWN;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void setId(String id) {
        this.id = id;
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}
}
