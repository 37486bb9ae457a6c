package io.camelopenclaw.gateway;

/** Where a {@link ManagedGateway} stands. */
public enum ManagedGatewayState {
    /** Not started yet, or stopped. */
    STOPPED,
    /** Starting: probing the port, installing, launching, waiting for readiness. */
    STARTING,
    /** A gateway this JVM started is ready, and watched. */
    RUNNING,
    /** A gateway that was already answering on the port is used; this JVM neither watches nor stops it. */
    REUSED,
    /** The gateway this JVM started died or hung; it is being restarted with backoff. */
    RESTARTING
}
