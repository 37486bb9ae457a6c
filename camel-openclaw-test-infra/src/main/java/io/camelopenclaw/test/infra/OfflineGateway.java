package io.camelopenclaw.test.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.camelopenclaw.gateway.GatewayCommand;
import io.camelopenclaw.gateway.GatewayProcess;
import io.camelopenclaw.gateway.GatewayStartException;
import io.camelopenclaw.gateway.OpenClawInstallation;
import io.camelopenclaw.gateway.OpenClawVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenClaw gateway for tests, running as a child process on a loopback port, isolated in its own state folder
 * and offline except for its stub model ({@link OfflineGatewayConfig}), with a random token unless one is given.
 * {@link #stop()}, {@link #kill()} and {@link #restart()} control it explicitly: unlike a managed gateway, nothing
 * restarts it behind the test's back. Neither logs nor {@link #toString()} show the token.
 */
public final class OfflineGateway implements AutoCloseable {

    /** Default time a gateway may take to become ready (a first start right after install took 30 s). */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** How long {@link #stop()} waits after SIGTERM before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(OfflineGateway.class);

    private final OpenClawVersion version;
    private final GatewayCommand command;
    private final int port;
    private final String token;
    private final String modelBaseUrl;
    private final Path stateDir;
    private final Duration startupTimeout;
    private GatewayProcess process;
    private boolean closed;

    private OfflineGateway(Builder b) {
        this.version = b.version;
        this.command = b.command;
        this.port = b.port != 0 ? b.port : freeLoopbackPort();
        this.token = b.token != null ? b.token : randomToken();
        this.modelBaseUrl = b.modelBaseUrl;
        this.stateDir = b.stateDir;
        this.startupTimeout = b.startupTimeout;
    }

    /** A gateway of an installed release (see {@link OpenClawInstallation#install()}). */
    public static Builder builder(OpenClawInstallation installation) {
        return builder(installation.version(), GatewayCommand.of(installation));
    }

    /** A gateway of release {@code version} run by {@code command} (tests of this class run a stand-in). */
    public static Builder builder(OpenClawVersion version, GatewayCommand command) {
        return new Builder(version, command);
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String token() {
        return token;
    }

    public OpenClawVersion version() {
        return version;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, up to {@link #STOP_GRACE}, then SIGKILL; the processes it started end too. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
        }
    }

    /** SIGKILLs the gateway and the processes it started, like a crash. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /**
     * Stops the gateway if it runs, then starts it again on the same port with the same state and token, and waits
     * until it is ready.
     *
     * @throws GatewayStartException if it does not become ready
     * @throws IllegalStateException if it was closed
     */
    public synchronized OfflineGateway restart() {
        if (closed) {
            throw new IllegalStateException("The gateway was closed: " + this);
        }
        stop();
        long started = System.nanoTime();
        try {
            OfflineGatewayConfig.write(
                    OfflineGatewayConfig.create(version, port, token, modelBaseUrl, stateDir), stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the gateway config into " + stateDir, e);
        }
        Map<String, String> isolation = OfflineGatewayConfig.environment(stateDir);
        process = GatewayProcess.start(
                command,
                port,
                stateDir,
                env -> {
                    env.keySet().removeIf(name -> name.startsWith("OPENCLAW_"));
                    env.putAll(isolation);
                    env.put("OPENCLAW_GATEWAY_TOKEN", token);
                },
                List.of(token));
        process.awaitReady(token, null, startupTimeout, STOP_GRACE);
        LOG.info(
                "openclaw@{} gateway ready on {} after {} ms (state {})",
                version,
                url(),
                (System.nanoTime() - started) / 1_000_000,
                stateDir);
        return this;
    }

    /** Stops the gateway for good. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    @Override
    public synchronized String toString() {
        return "OfflineGateway[openclaw@" + version + ", " + url() + ", "
                + (closed ? "closed" : isRunning() ? "running" : "stopped") + ", state " + stateDir + "]";
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }

    /** Builds and starts an {@link OfflineGateway}. */
    public static final class Builder {

        private final OpenClawVersion version;
        private final GatewayCommand command;
        private int port;
        private String token;
        private String modelBaseUrl;
        private Path stateDir;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

        private Builder(OpenClawVersion version, GatewayCommand command) {
            this.version = Objects.requireNonNull(version, "version");
            this.command = Objects.requireNonNull(command, "command");
        }

        /** The loopback port; {@code 0} (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The shared token; default a random 48-hex-digit token. */
        public Builder token(String token) {
            if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token must be non-empty and without whitespace");
            }
            this.token = token;
            return this;
        }

        /** Base URL of the OpenAI-compatible model endpoint the gateway's only provider uses (required). */
        public Builder modelBaseUrl(String modelBaseUrl) {
            URI uri;
            try {
                uri = URI.create(Objects.requireNonNull(modelBaseUrl, "modelBaseUrl"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("modelBaseUrl is not a URL: " + modelBaseUrl, e);
            }
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new IllegalArgumentException("modelBaseUrl must be an http(s) URL: " + modelBaseUrl);
            }
            this.modelBaseUrl = modelBaseUrl;
            return this;
        }

        /** The state folder (config, sessions, workspace, logs; required); kept on close. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir")
                    .toAbsolutePath()
                    .normalize();
            return this;
        }

        /** How long to wait until the gateway is ready; default {@link #DEFAULT_STARTUP_TIMEOUT}. */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * Starts the gateway and waits until it is ready.
         *
         * @throws IllegalStateException if the model base URL or the state folder is missing
         * @throws GatewayStartException if it exits early or is not ready in time
         */
        public OfflineGateway start() {
            if (modelBaseUrl == null || stateDir == null) {
                throw new IllegalStateException("modelBaseUrl and stateDir are required");
            }
            return new OfflineGateway(this).restart();
        }
    }
}
