package io.camelopenclaw.test.infra;

import java.net.URI;

import io.camelopenclaw.gateway.OpenClawVersion;
import io.camelopenclaw.testgateway.model.StubModelServer;

/**
 * A running real OpenClaw gateway for integration tests, with its own {@link StubModelServer}. Obtained from
 * {@link RealGateways}; shared by all tests of the JVM, so tests use their own session keys.
 */
public final class RealGateway {

    private final String name;
    private final OfflineGateway process;
    private final StubModelServer model;

    RealGateway(String name, OfflineGateway process, StubModelServer model) {
        this.name = name;
        this.process = process;
        this.model = model;
    }

    /** {@code "v4"} or {@code "v3"}. */
    public String name() {
        return name;
    }

    public OpenClawVersion version() {
        return process.version();
    }

    /** The protocol version the gateway answers a {@code minProtocol:3, maxProtocol:4} connect with. */
    public int protocol() {
        return version().isProtocolV4() ? 4 : 3;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI url() {
        return process.url();
    }

    /** The gateway's shared token. */
    public String token() {
        return process.token();
    }

    /** The gateway process: {@link OfflineGateway#restart()}, {@link OfflineGateway#kill()}. */
    public OfflineGateway process() {
        return process;
    }

    /** The stub model the gateway's agent talks to (request counts, recorded requests). */
    public StubModelServer model() {
        return model;
    }

    /** Stops (SIGTERM) and starts the gateway again on the same port with the same state; waits until ready. */
    public void restart() {
        process.restart();
    }

    /** SIGKILLs the gateway, like a crash; {@link #restart()} brings it back (so does the next {@link RealGateways} lookup). */
    public void kill() {
        process.kill();
    }

    @Override
    public String toString() {
        return "RealGateway[" + name + ", " + process + "]";
    }
}
