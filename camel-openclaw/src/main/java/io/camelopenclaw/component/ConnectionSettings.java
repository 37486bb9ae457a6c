package io.camelopenclaw.component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * The options of an endpoint that define its gateway connection (those of {@link OpenClawConnectionConfiguration}), with the
 * gateway URL and credentials defaulted from the environment. Endpoints whose settings are equal share one
 * connection. {@link #toString()} never shows secrets.
 */
final class ConnectionSettings {

    static final String ENV_GATEWAY_URL = "OPENCLAW_GATEWAY_URL";
    static final String ENV_TOKEN = "OPENCLAW_GATEWAY_TOKEN";
    static final String ENV_PASSWORD = "OPENCLAW_GATEWAY_PASSWORD";

    private static final List<String> OPTIONS = Arrays.stream(OpenClawConnectionConfiguration.class.getDeclaredFields())
            .filter(field -> !Modifier.isStatic(field.getModifiers()))
            .map(Field::getName)
            .toList();

    private final OpenClawConfiguration configuration;
    private final Map<String, Object> values = new HashMap<>();

    private ConnectionSettings(OpenClawConfiguration configuration) {
        this.configuration = configuration;
        PropertyConfigurerGetter options = new OpenClawConfigurationConfigurer();
        OPTIONS.forEach(option -> values.put(option, options.getOptionValue(configuration, option, false)));
    }

    /** The settings of a configuration; unset URL and credentials come from {@code env}. */
    static ConnectionSettings of(OpenClawConfiguration c, UnaryOperator<String> env) {
        OpenClawConfiguration resolved = c.copy();
        resolved.setGatewayUrl(firstNonBlank(
                c.getGatewayUrl(), env.apply(ENV_GATEWAY_URL), OpenClawConnectionConfiguration.DEFAULT_GATEWAY_URL));
        resolved.setToken(firstNonBlank(c.getToken(), env.apply(ENV_TOKEN), null));
        resolved.setPassword(firstNonBlank(c.getPassword(), env.apply(ENV_PASSWORD), null));
        return new ConnectionSettings(resolved);
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }

    String gatewayUrl() {
        return configuration.getGatewayUrl();
    }

    String token() {
        return configuration.getToken();
    }

    String password() {
        return configuration.getPassword();
    }

    /** The gateway client options for these settings. */
    GatewayClientOptions toClientOptions(CamelContext context) throws Exception {
        OpenClawConfiguration c = configuration;
        GatewayClientOptions.Builder b = GatewayClientOptions.builder()
                .url(c.getGatewayUrl())
                .token(c.getToken())
                .password(c.getPassword())
                .displayName(c.getClientDisplayName())
                .scopes(OpenClawEndpoint.splitList(c.getScopes()))
                .caps(c.isToolEvents() ? List.of("tool-events") : List.of())
                .connectTimeout(Duration.ofMillis(c.getConnectTimeout()))
                .requestTimeout(Duration.ofMillis(c.getRequestTimeout()))
                .reconnectInitialDelay(Duration.ofMillis(c.getReconnectInitialDelay()))
                .reconnectMaxDelay(Duration.ofMillis(c.getReconnectMaxDelay()))
                .maxReconnectAttempts(c.getMaxReconnectAttempts())
                .certificateFingerprint(c.getCertificateFingerprint());
        if (c.isDeviceIdentity()) {
            b.deviceIdentityStore(DeviceIdentityStore.file(
                    c.getDeviceIdentityFile() != null
                            ? Path.of(c.getDeviceIdentityFile())
                            : DeviceIdentityStore.defaultFile()));
        }
        if (c.getSslContextParameters() != null) {
            b.sslContext(c.getSslContextParameters().createSSLContext(context));
        }
        if (c.getHandshakeHeaders() != null) {
            c.getHandshakeHeaders().forEach((name, value) -> b.header(name, String.valueOf(value)));
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + gatewayUrl() + ", auth="
                + (token() != null ? "token" : password() != null ? "password" : "none") + ", device="
                + configuration.isDeviceIdentity() + ", scopes=" + configuration.getScopes() + "]";
    }
}
