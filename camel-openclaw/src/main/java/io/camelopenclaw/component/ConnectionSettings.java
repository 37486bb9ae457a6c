package io.camelopenclaw.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The settings that define one gateway connection, with the environment defaults applied. Endpoints whose settings
 * are equal share one connection. {@link #toString()} never shows secrets.
 */
record ConnectionSettings(
        String gatewayUrl,
        String token,
        String password,
        Path deviceIdentityFile,
        List<String> scopes,
        String clientDisplayName,
        boolean toolEvents,
        long connectTimeout,
        long requestTimeout,
        long reconnectInitialDelay,
        long reconnectMaxDelay,
        int maxReconnectAttempts,
        SSLContextParameters sslContextParameters,
        String certificateFingerprint,
        Map<String, String> handshakeHeaders) {

    static final String ENV_GATEWAY_URL = "OPENCLAW_GATEWAY_URL";
    static final String ENV_TOKEN = "OPENCLAW_GATEWAY_TOKEN";
    static final String ENV_PASSWORD = "OPENCLAW_GATEWAY_PASSWORD";

    /** The settings of a configuration; unset URL and credentials come from {@code env}. */
    static ConnectionSettings of(OpenClawConfiguration c, UnaryOperator<String> env) {
        Map<String, String> headers = new TreeMap<>();
        if (c.getHandshakeHeaders() != null) {
            c.getHandshakeHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        Path deviceFile = !c.isDeviceIdentity()
                ? null
                : c.getDeviceIdentityFile() != null
                        ? Path.of(c.getDeviceIdentityFile())
                        : DeviceIdentityStore.defaultFile();
        return new ConnectionSettings(
                firstNonBlank(c.getGatewayUrl(), env.apply(ENV_GATEWAY_URL), OpenClawConfiguration.DEFAULT_GATEWAY_URL),
                firstNonBlank(c.getToken(), env.apply(ENV_TOKEN), null),
                firstNonBlank(c.getPassword(), env.apply(ENV_PASSWORD), null),
                deviceFile,
                OpenClawEndpoint.splitList(c.getScopes()),
                c.getClientDisplayName(),
                c.isToolEvents(),
                c.getConnectTimeout(),
                c.getRequestTimeout(),
                c.getReconnectInitialDelay(),
                c.getReconnectMaxDelay(),
                c.getMaxReconnectAttempts(),
                c.getSslContextParameters(),
                c.getCertificateFingerprint(),
                Map.copyOf(headers));
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse(null);
    }

    /** The gateway client options for these settings. */
    GatewayClientOptions toClientOptions(CamelContext context) throws Exception {
        GatewayClientOptions.Builder b = GatewayClientOptions.builder()
                .url(gatewayUrl)
                .token(token)
                .password(password)
                .displayName(clientDisplayName)
                .scopes(scopes)
                .caps(toolEvents ? List.of("tool-events") : List.of())
                .connectTimeout(Duration.ofMillis(connectTimeout))
                .requestTimeout(Duration.ofMillis(requestTimeout))
                .reconnectInitialDelay(Duration.ofMillis(reconnectInitialDelay))
                .reconnectMaxDelay(Duration.ofMillis(reconnectMaxDelay))
                .maxReconnectAttempts(maxReconnectAttempts)
                .certificateFingerprint(certificateFingerprint);
        if (deviceIdentityFile != null) {
            b.deviceIdentityStore(DeviceIdentityStore.file(deviceIdentityFile));
        }
        if (sslContextParameters != null) {
            b.sslContext(sslContextParameters.createSSLContext(context));
        }
        handshakeHeaders.forEach(b::header);
        return b.build();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + gatewayUrl + ", auth="
                + (token != null ? "token" : password != null ? "password" : "none") + ", device="
                + (deviceIdentityFile != null) + ", scopes=" + scopes + "]";
    }
}
