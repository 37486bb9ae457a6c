package io.camelopenclaw.gateway;

/**
 * A snapshot of a {@link ManagedGateway}.
 *
 * @param state        where it stands
 * @param port         the gateway's port
 * @param pid          the process id of the gateway this JVM started, or {@code null} when none runs
 * @param restarts     how many times the gateway was started again after it died or hung
 * @param lastExitCode the exit code of the last gateway process that ended unasked, or {@code null}
 * @param lastError    why the last start or restart failed, or {@code null}
 */
public record ManagedGatewayStatus(
        ManagedGatewayState state, int port, Long pid, int restarts, Integer lastExitCode, String lastError) {

    /** Whether clients can use the gateway: {@code RUNNING} or {@code REUSED}. */
    public boolean isUp() {
        return state == ManagedGatewayState.RUNNING || state == ManagedGatewayState.REUSED;
    }
}
