package io.camelopenclaw.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import io.camelopenclaw.gateway.GatewayCommand;
import io.camelopenclaw.gateway.ManagedGateway;
import io.camelopenclaw.gateway.ManagedGatewayOptions;
import io.camelopenclaw.gateway.OpenClawInstallation;
import org.apache.camel.CamelContext;

/**
 * The component's managed local gateway: a {@link ManagedGateway} built from the component's managedGateway options
 * and its connection defaults (gateway URL, token, password, with their environment fallbacks), the scheduler it
 * restarts and probes on, and its health check.
 */
final class ManagedGatewayService {

    private final CamelContext context;
    private final ManagedGateway gateway;
    private final ScheduledExecutorService scheduler;
    private final OpenClawManagedGatewayHealthCheck healthCheck;

    private ManagedGatewayService(CamelContext context, ManagedGateway gateway, ScheduledExecutorService scheduler) {
        this.context = context;
        this.gateway = gateway;
        this.scheduler = scheduler;
        this.healthCheck = new OpenClawManagedGatewayHealthCheck(gateway);
    }

    /** Reuses or starts the gateway and registers its health check; blocks until the gateway is ready. */
    static ManagedGatewayService start(OpenClawComponent component) {
        ManagedGatewayOptions options = options(component);
        CamelContext context = component.getCamelContext();
        ScheduledExecutorService scheduler = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(component, "OpenClawManagedGateway");
        ManagedGatewayService service =
                new ManagedGatewayService(context, new ManagedGateway(options, scheduler), scheduler);
        try {
            service.gateway.start();
        } catch (RuntimeException e) {
            context.getExecutorServiceManager().shutdown(scheduler);
            throw e;
        }
        service.healthCheck.register(context);
        return service;
    }

    static ManagedGatewayOptions options(OpenClawComponent component) {
        ConnectionSettings connection = ConnectionSettings.of(component.getConfiguration(), component.environment());
        ManagedGatewayOptions.Builder options = ManagedGatewayOptions.builder(connection.gatewayUrl())
                .token(connection.token())
                .password(connection.password())
                .command(GatewayCommand.parse(component.getManagedGatewayCommand()))
                .startupTimeout(Duration.ofMillis(component.getManagedGatewayStartupTimeout()))
                .restartInitialDelay(Duration.ofMillis(component.getManagedGatewayRestartInitialDelay()))
                .restartMaxDelay(Duration.ofMillis(component.getManagedGatewayRestartMaxDelay()))
                .healthCheckInterval(Duration.ofMillis(component.getManagedGatewayHealthCheckInterval()))
                .stopTimeout(Duration.ofMillis(component.getManagedGatewayStopTimeout()));
        if (component.getManagedGatewayVersion() != null
                && !component.getManagedGatewayVersion().isBlank()) {
            String cacheDir = component.getManagedGatewayCacheDir();
            options.installation(
                    cacheDir == null || cacheDir.isBlank()
                            ? OpenClawInstallation.of(component.getManagedGatewayVersion())
                            : OpenClawInstallation.of(component.getManagedGatewayVersion(), Path.of(cacheDir)));
        }
        if (component.getManagedGatewayStateDir() != null
                && !component.getManagedGatewayStateDir().isBlank()) {
            options.stateDir(Path.of(component.getManagedGatewayStateDir()));
        }
        if (component.getManagedGatewayEnvironment() != null) {
            options.environment(component.getManagedGatewayEnvironment());
        }
        return options.build();
    }

    ManagedGateway gateway() {
        return gateway;
    }

    /** Unregisters the health check and stops what the gateway started. */
    void stop() {
        healthCheck.unregister(context);
        try {
            gateway.stop();
        } finally {
            context.getExecutorServiceManager().shutdown(scheduler);
        }
    }
}
