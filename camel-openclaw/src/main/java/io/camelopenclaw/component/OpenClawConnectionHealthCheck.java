package io.camelopenclaw.component;

import java.util.Map;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayInfo;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness check of one gateway connection: UP while connected; DOWN with the reason otherwise (connecting,
 * reconnecting, refused credentials, pairing required with the pairing request id, closed).
 */
public final class OpenClawConnectionHealthCheck extends OpenClawReadinessCheck {

    /** Detail: the gateway URL. */
    public static final String GATEWAY_URL = "openclaw.gateway.url";
    /** Detail: the connection state ({@code CONNECTED}, {@code RECONNECTING}, ...). */
    public static final String STATE = "openclaw.connection.state";
    /** Detail: the pending pairing request to approve, when the gateway asked for pairing. */
    public static final String PAIRING_REQUEST_ID = "openclaw.pairing.request.id";
    /** Detail: the gateway's {@code details.code} of the refusal, e.g. {@code AUTH_TOKEN_MISMATCH}. */
    public static final String ERROR_CODE = "openclaw.error.code";
    /** Detail: the negotiated protocol version. */
    public static final String PROTOCOL = "openclaw.protocol";
    /** Detail: the gateway release. */
    public static final String SERVER_VERSION = "openclaw.server.version";

    private final String gatewayUrl;
    private final GatewayClient client;

    OpenClawConnectionHealthCheck(String id, String gatewayUrl, GatewayClient client) {
        super(id);
        this.gatewayUrl = gatewayUrl;
        this.client = client;
    }

    @Override
    public Result call(Map<String, Object> options) {
        ConnectionStatus status = client.status();
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this)
                .detail(GATEWAY_URL, gatewayUrl)
                .detail(STATE, status.state().name());
        GatewayInfo info = client.info();
        if (info != null) {
            builder.detail(PROTOCOL, info.protocol()).detail(SERVER_VERSION, info.serverVersion());
        }
        if (status.pairingRequestId() != null) {
            builder.detail(PAIRING_REQUEST_ID, status.pairingRequestId());
        }
        if (status.error() != null && status.error().detailsCode() != null) {
            builder.detail(ERROR_CODE, status.error().detailsCode());
        }
        if (status.state() == ConnectionState.CONNECTED) {
            return builder.up().build();
        }
        return builder.down()
                .message(status.state() + ": " + status.reason())
                .error(status.error())
                .build();
    }
}
