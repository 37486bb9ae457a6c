package io.camelopenclaw.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run one {@link OpenClawGatewayProcess}: which installation, port, token, model endpoint and state folder.
 * Build with {@link #builder()}. {@link #toString()} never shows the token.
 */
public final class GatewayProcessConfig {

    /** Default time a gateway may take to become ready (a first start right after install took 30 s). */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final OpenClawInstallation installation;
    private final int port;
    private final String token;
    private final String modelBaseUrl;
    private final Path stateDir;
    private final Map<String, String> environment;
    private final Duration startupTimeout;

    private GatewayProcessConfig(Builder builder) {
        this.installation = builder.installation;
        this.port = builder.port;
        this.token = builder.token != null ? builder.token : randomToken();
        this.modelBaseUrl = builder.modelBaseUrl;
        this.stateDir = builder.stateDir;
        this.environment = Map.copyOf(builder.environment);
        this.startupTimeout = builder.startupTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public OpenClawInstallation installation() {
        return installation;
    }

    /** The requested port; {@code 0} means a free loopback port is picked at start. */
    public int port() {
        return port;
    }

    /** The shared gateway token clients authenticate with. */
    public String token() {
        return token;
    }

    /** Base URL of the OpenAI-compatible model endpoint, e.g. {@code http://127.0.0.1:18790/v1}. */
    public String modelBaseUrl() {
        return modelBaseUrl;
    }

    /** The state folder; empty means a fresh temporary folder, deleted on close. */
    public Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir);
    }

    /** Extra environment variables for the gateway process (applied last). */
    public Map<String, String> environment() {
        return environment;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    @Override
    public String toString() {
        return "GatewayProcessConfig[openclaw@" + installation.version() + ", port=" + port + ", token=<redacted>"
                + ", modelBaseUrl=" + modelBaseUrl + ", stateDir=" + (stateDir == null ? "<temporary>" : stateDir)
                + ", environment=" + environment.keySet() + ", startupTimeout=" + startupTimeout + "]";
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Builder of {@link GatewayProcessConfig}. */
    public static final class Builder {

        private OpenClawInstallation installation;
        private int port;
        private String token;
        private String modelBaseUrl;
        private Path stateDir;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

        private Builder() {
        }

        /** The OpenClaw release, installed into the default cache: shorthand for {@link OpenClawInstallation#of(String)}. */
        public Builder version(String version) {
            return installation(OpenClawInstallation.of(version));
        }

        public Builder installation(OpenClawInstallation installation) {
            this.installation = Objects.requireNonNull(installation, "installation");
            return this;
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

        /** The state folder (config, sessions, workspace, logs); kept on close. Default: a temporary folder. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir").toAbsolutePath().normalize();
            return this;
        }

        /** An extra environment variable for the gateway process. */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long to wait for {@code /readyz}; default {@link #DEFAULT_STARTUP_TIMEOUT}. */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout == null || startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /**
         * @throws IllegalStateException if the version/installation or the model base URL is missing
         */
        public GatewayProcessConfig build() {
            if (installation == null) {
                throw new IllegalStateException("version or installation is required");
            }
            if (modelBaseUrl == null) {
                throw new IllegalStateException("modelBaseUrl is required");
            }
            return new GatewayProcessConfig(this);
        }
    }
}
