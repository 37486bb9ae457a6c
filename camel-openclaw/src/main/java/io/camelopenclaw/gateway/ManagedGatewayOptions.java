package io.camelopenclaw.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ManagedGateway} runs and how patiently: the loopback address, the credentials the gateway is started
 * with, the command or the release to install, the state folder, extra environment variables, and the timings.
 * Immutable; build with {@link #builder(String)}. {@link #toString()} never shows secrets.
 */
public final class ManagedGatewayOptions {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_RESTART_INITIAL_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RESTART_MAX_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String token;
    private final String password;
    private final GatewayCommand command;
    private final OpenClawInstallation installation;
    private final Path stateDir;
    private final Map<String, String> environment;
    private final Duration startupTimeout;
    private final Duration restartInitialDelay;
    private final Duration restartMaxDelay;
    private final Duration healthCheckInterval;
    private final Duration stopTimeout;

    private ManagedGatewayOptions(Builder b) {
        this.url = b.url;
        this.token = b.token;
        this.password = b.password;
        this.command = b.command;
        this.installation = b.installation;
        this.stateDir = b.stateDir;
        this.environment = Map.copyOf(b.environment);
        this.startupTimeout = b.startupTimeout;
        this.restartInitialDelay = b.restartInitialDelay;
        this.restartMaxDelay = b.restartMaxDelay;
        this.healthCheckInterval = b.healthCheckInterval;
        this.stopTimeout = b.stopTimeout;
    }

    /**
     * A builder for the gateway at {@code url}: a {@code ws://} address of this host (localhost, 127.0.0.1, ::1)
     * with a port.
     *
     * @throws IllegalArgumentException if the address is not a loopback {@code ws://} address with a port
     */
    public static Builder builder(String url) {
        return new Builder(loopbackUrl(url));
    }

    static URI loopbackUrl(String url) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url").trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A managed gateway needs a ws:// address, not " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("http")) {
            throw new IllegalArgumentException("A managed gateway runs on loopback without TLS: its address must be"
                    + " ws:// (or http://), not " + url);
        }
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("A managed gateway needs a host and a port in its address, e.g."
                    + " ws://127.0.0.1:18789, not " + url);
        }
        if (!isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("A managed gateway runs on this host: its address must be a loopback"
                    + " address (localhost, 127.0.0.1, ::1), not " + uri.getHost());
        }
        return URI.create("ws://" + uri.getRawAuthority());
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The gateway's address, {@code ws://<loopback host>:<port>}. */
    public URI url() {
        return url;
    }

    public int port() {
        return url.getPort();
    }

    public String token() {
        return token;
    }

    public String password() {
        return password;
    }

    /** The command that runs OpenClaw when no {@link #installation()} is set. */
    public GatewayCommand command() {
        return command;
    }

    /** The release installed into the cache on start and run from there, if set. */
    public Optional<OpenClawInstallation> installation() {
        return Optional.ofNullable(installation);
    }

    /** The gateway's state folder ({@code OPENCLAW_STATE_DIR}), if set. */
    public Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir);
    }

    /** Extra environment variables of the gateway process. */
    public Map<String, String> environment() {
        return environment;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public Duration restartInitialDelay() {
        return restartInitialDelay;
    }

    public Duration restartMaxDelay() {
        return restartMaxDelay;
    }

    /** How often the health of a gateway this JVM started is probed; zero turns the probes off. */
    public Duration healthCheckInterval() {
        return healthCheckInterval;
    }

    public Duration stopTimeout() {
        return stopTimeout;
    }

    @Override
    public String toString() {
        return "ManagedGatewayOptions[" + url + ", auth="
                + (token != null ? "token" : password != null ? "password" : "none") + ", "
                + (installation != null ? "openclaw@" + installation.version() : "command '" + command + "'")
                + ", stateDir=" + (stateDir == null ? "<openclaw's own>" : stateDir)
                + ", environment=" + environment.keySet() + "]";
    }

    /** Builds {@link ManagedGatewayOptions}. */
    public static final class Builder {

        private final URI url;
        private String token;
        private String password;
        private GatewayCommand command = GatewayCommand.parse(GatewayCommand.DEFAULT);
        private OpenClawInstallation installation;
        private Path stateDir;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Duration restartInitialDelay = DEFAULT_RESTART_INITIAL_DELAY;
        private Duration restartMaxDelay = DEFAULT_RESTART_MAX_DELAY;
        private Duration healthCheckInterval = DEFAULT_HEALTH_CHECK_INTERVAL;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

        private Builder(URI url) {
            this.url = url;
        }

        /** The token the gateway is started with ({@code OPENCLAW_GATEWAY_TOKEN}) and checked with. */
        public Builder token(String token) {
            this.token = blankToNull(token);
            return this;
        }

        /** The password the gateway is started with ({@code OPENCLAW_GATEWAY_PASSWORD}) and checked with. */
        public Builder password(String password) {
            this.password = blankToNull(password);
            return this;
        }

        /** The command that runs OpenClaw; default {@value GatewayCommand#DEFAULT} from the {@code PATH}. */
        public Builder command(GatewayCommand command) {
            this.command = Objects.requireNonNull(command, "command");
            return this;
        }

        /** Install this release into its cache folder on start (if not installed yet) and run it from there. */
        public Builder installation(OpenClawInstallation installation) {
            this.installation = installation;
            return this;
        }

        /** The gateway's state folder ({@code OPENCLAW_STATE_DIR}, holding its {@code openclaw.json}). */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir == null ? null : stateDir.toAbsolutePath().normalize();
            return this;
        }

        /** Extra environment variables of the gateway process (applied last). */
        public Builder environment(Map<String, String> environment) {
            environment.forEach((name, value) -> this.environment.put(
                    Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value of " + name)));
            return this;
        }

        /** How long a start or restart may take until the gateway is ready; default 2 min. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = positive(timeout, "startupTimeout");
            return this;
        }

        /** The first delay before restarting a gateway that died, doubled per failed restart; default 1 s. */
        public Builder restartInitialDelay(Duration delay) {
            this.restartInitialDelay = positive(delay, "restartInitialDelay");
            return this;
        }

        /** The largest delay between restarts; default 30 s. */
        public Builder restartMaxDelay(Duration delay) {
            this.restartMaxDelay = positive(delay, "restartMaxDelay");
            return this;
        }

        /** How often to probe the gateway's health; default 10 s, zero turns the probes off. */
        public Builder healthCheckInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("healthCheckInterval must be zero or positive: " + interval);
            }
            this.healthCheckInterval = interval;
            return this;
        }

        /** How long a stopping gateway may take after SIGTERM before it is killed; default 10 s. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = positive(timeout, "stopTimeout");
            return this;
        }

        public ManagedGatewayOptions build() {
            return new ManagedGatewayOptions(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
