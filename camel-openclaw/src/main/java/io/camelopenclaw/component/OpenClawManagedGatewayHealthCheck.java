package io.camelopenclaw.component;

import java.util.Map;

import io.camelopenclaw.gateway.ManagedGateway;
import io.camelopenclaw.gateway.ManagedGatewayStatus;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness check {@value #ID} of the managed local gateway: UP while a gateway the component started runs, or while
 * it uses one that was already there; DOWN while it starts or restarts one, with the reason. Details: the state,
 * the process id, how many times the gateway was restarted and the exit code of the last one that died.
 */
public final class OpenClawManagedGatewayHealthCheck extends OpenClawReadinessCheck {

    /** The check's id. */
    public static final String ID = "openclaw-managed-gateway";
    /** Detail: {@code STARTING}, {@code RUNNING}, {@code REUSED}, {@code RESTARTING} or {@code STOPPED}. */
    public static final String STATE = "openclaw.managed.state";
    /** Detail: the process id of the gateway the component started. */
    public static final String PID = "openclaw.managed.pid";
    /** Detail: how many times the gateway was started again after it died or hung. */
    public static final String RESTARTS = "openclaw.managed.restarts";
    /** Detail: the exit code of the last gateway process that ended unasked. */
    public static final String LAST_EXIT_CODE = "openclaw.managed.last.exit.code";

    private final ManagedGateway gateway;

    OpenClawManagedGatewayHealthCheck(ManagedGateway gateway) {
        super(ID);
        this.gateway = gateway;
    }

    @Override
    public Result call(Map<String, Object> options) {
        ManagedGatewayStatus status = gateway.status();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(
                        OpenClawConnectionHealthCheck.GATEWAY_URL,
                        gateway.options().url().toString())
                .detail(STATE, status.state().name())
                .detail(RESTARTS, status.restarts());
        if (status.pid() != null) {
            builder.detail(PID, status.pid());
        }
        if (status.lastExitCode() != null) {
            builder.detail(LAST_EXIT_CODE, status.lastExitCode());
        }
        if (status.isUp()) {
            return builder.up().build();
        }
        return builder.down()
                .message(status.state() + (status.lastError() == null ? "" : ": " + status.lastError()))
                .build();
    }
}
