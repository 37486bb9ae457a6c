package io.camelopenclaw.testgateway;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.DevicePairingStore.Pairing;
import io.camelopenclaw.testgateway.DevicePairingStore.PendingRequest;

/**
 * Decides a schema-valid connect: origin rules, shared secret or device token, the device proof, silent local
 * pairing and the scopes the connection is granted. Every connection counts as a direct loopback connect, so the
 * local exceptions of the real gateway apply unless an {@code Origin} header is present.
 */
final class ConnectAuthenticator {

    /** The outcome of a successful connect; {@code pairing} is non-null when hello-ok carries a device token. */
    record Grant(String method, String role, List<String> scopes, Pairing pairing) {}

    private static final Set<String> OPERATOR_UI_CLIENTS =
            Set.of("openclaw-control-ui", "openclaw-browser-copilot", "openclaw-tui");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
    private static final long RATE_LIMIT_RETRY_MS = 1000;

    private final GatewayConfig config;
    private final DevicePairingStore pairings;
    private final Faults faults;

    ConnectAuthenticator(GatewayConfig config, DevicePairingStore pairings, Faults faults) {
        this.config = config;
        this.pairings = pairings;
        this.faults = faults;
    }

    /** The grant, or a {@link GatewayError} that closes the socket. */
    Grant authenticate(ConnectParams connect, String nonce, String origin, long now) {
        checkOrigin(connect, origin);
        if (faults.takeAuthRateLimited()) {
            throw unauthorized(
                            "AUTH_RATE_LIMITED",
                            "rate_limited",
                            "unauthorized: too many failed authentication attempts (retry later)",
                            false,
                            "wait_then_retry")
                    .retryAfter(RATE_LIMIT_RETRY_MS);
        }
        String method = credentialMethod(connect);
        if (connect.device() != null) {
            DeviceIdentityVerifier.verify(connect, nonce, now);
        } else if ("node".equals(connect.role())) {
            throw deviceIdentityRequired();
        }
        List<String> requested = Scopes.known(connect.rawScopes());
        Pairing pairing = connect.device() == null ? null : pairingFor(connect, method, requested, now);
        List<String> granted = faults.scopesCleared() || !keepsScopes(connect, origin) ? List.of() : requested;
        return new Grant(method, connect.role(), granted, pairing);
    }

    private void checkOrigin(ConnectParams connect, String origin) {
        if (origin != null && !isLoopback(origin) || origin == null && isOperatorUi(connect)) {
            throw GatewayError.invalidRequest("origin not allowed (open the Control UI from the gateway host or allow "
                            + "it in gateway.controlUi.allowedOrigins)")
                    .details(Json.object()
                            .put("code", "CONTROL_UI_ORIGIN_NOT_ALLOWED")
                            .put("reason", "origin missing or invalid"))
                    .closing(ConnectValidator.CLOSE_POLICY);
        }
        if (isOperatorUi(connect) && connect.device() == null) {
            throw GatewayError.invalidRequest(
                            "control ui requires device identity (use HTTPS or localhost secure " + "context)")
                    .details(Json.object().put("code", "CONTROL_UI_DEVICE_IDENTITY_REQUIRED"))
                    .closing(ConnectValidator.CLOSE_POLICY);
        }
    }

    /** {@code token}/{@code password}/{@code none} for the shared secret, {@code device-token} for a device token. */
    private String credentialMethod(ConnectParams connect) {
        String mode = config.authMode();
        boolean passwordMode = "password".equals(mode);
        String offered = passwordMode
                ? firstNonNull(connect.authPassword(), connect.authToken())
                : firstNonNull(connect.authToken(), connect.authPassword());
        if ("none".equals(mode)
                || offered != null && offered.equals(passwordMode ? config.password() : config.token())) {
            return mode;
        }
        if (connect.device() != null) {
            Pairing pairing = pairings.find(connect.device().id());
            String deviceToken = firstNonNull(connect.authDeviceToken(), connect.authToken());
            if (pairing != null && pairing.token().equals(deviceToken)) {
                return "device-token";
            }
            if (connect.authDeviceToken() != null) {
                throw unauthorized(
                        "AUTH_DEVICE_TOKEN_MISMATCH",
                        "device_token_mismatch",
                        "unauthorized: device token mismatch (rotate/reissue device token)",
                        false,
                        "update_auth_credentials");
            }
        }
        boolean withDevice = connect.device() != null;
        if (offered != null) {
            throw passwordMode
                    ? unauthorized(
                            "AUTH_PASSWORD_MISMATCH",
                            "password_mismatch",
                            "unauthorized: gateway password mismatch (provide gateway auth password)",
                            withDevice,
                            nextStep(withDevice))
                    : unauthorized(
                            "AUTH_TOKEN_MISMATCH",
                            "token_mismatch",
                            "unauthorized: gateway token mismatch (provide gateway auth token)",
                            withDevice,
                            nextStep(withDevice));
        }
        if (!withDevice) {
            throw deviceIdentityRequired();
        }
        throw passwordMode
                ? unauthorized(
                        "AUTH_PASSWORD_MISSING",
                        "password_missing",
                        "unauthorized: gateway password missing (provide gateway auth password)",
                        false,
                        "update_auth_configuration")
                : unauthorized(
                        "AUTH_TOKEN_MISSING",
                        "token_missing",
                        "unauthorized: gateway token missing (provide gateway auth token)",
                        false,
                        "update_auth_configuration");
    }

    /**
     * The device pairing backing this connect: a device token must cover the requested scopes; a shared-secret
     * connect pairs (or upgrades) silently, except for the local backend client, which skips pairing.
     */
    private Pairing pairingFor(ConnectParams connect, String method, List<String> requested, long now) {
        String deviceId = connect.device().id();
        Pairing pairing = pairings.find(deviceId);
        if ("device-token".equals(method)) {
            if (!Scopes.allSatisfied(pairing.scopes(), requested)) {
                throw unauthorized(
                        "AUTH_SCOPE_MISMATCH",
                        "scope_mismatch",
                        "unauthorized: device token scope mismatch",
                        false,
                        "update_auth_credentials");
            }
            return pairing;
        }
        boolean covered = pairing != null && Scopes.allSatisfied(pairing.scopes(), requested);
        if (faults.pairingRequired() && !covered) {
            throw pairingRequired(connect, pairing == null ? "not-paired" : "scope-upgrade", requested);
        }
        if (isLocalBackend(connect)) {
            return pairing;
        }
        return pairings.pair(deviceId, connect.role(), requested, now);
    }

    /**
     * Whether the requested scopes survive: always with a device (protocol 4) or for the local backend/CLI clients
     * without one; a 2026.3.x gateway clears the scopes of every device-less connect.
     */
    private boolean keepsScopes(ConnectParams connect, String origin) {
        if (connect.device() != null) {
            return true;
        }
        return config.v4()
                && origin == null
                && (isLocalBackend(connect) || "cli".equals(connect.clientId()) && "cli".equals(connect.clientMode()));
    }

    private GatewayError pairingRequired(ConnectParams connect, String reason, List<String> requested) {
        PendingRequest request = pairings.request(connect.device().id(), connect.role(), requested);
        String message = "pairing required: device not approved";
        ObjectNode details = Json.object()
                .put("code", "PAIRING_REQUIRED")
                .put("reason", reason)
                .put("requestId", request.requestId())
                .put("remediationHint", "approve it with: openclaw devices approve " + request.requestId())
                .put("deviceId", request.deviceId())
                .put("requestedRole", connect.role());
        details.set("requestedScopes", Json.array(requested));
        details.put("pauseReconnect", true);
        return new GatewayError(GatewayError.NOT_PAIRED, message)
                .details(details)
                .closing(ConnectValidator.CLOSE_POLICY, message + " (requestId: " + request.requestId() + ")");
    }

    private static GatewayError deviceIdentityRequired() {
        return new GatewayError(GatewayError.NOT_PAIRED, "device identity required")
                .details(Json.object().put("code", "DEVICE_IDENTITY_REQUIRED"))
                .closing(ConnectValidator.CLOSE_POLICY);
    }

    private static GatewayError unauthorized(
            String code, String authReason, String message, boolean canRetry, String nextStep) {
        return GatewayError.invalidRequest(message)
                .details(Json.object()
                        .put("code", code)
                        .put("authReason", authReason)
                        .put("canRetryWithDeviceToken", canRetry)
                        .put("recommendedNextStep", nextStep))
                .closing(ConnectValidator.CLOSE_POLICY);
    }

    private static String nextStep(boolean withDevice) {
        return withDevice ? "retry_with_device_token" : "update_auth_credentials";
    }

    private static boolean isLocalBackend(ConnectParams connect) {
        return "gateway-client".equals(connect.clientId()) && "backend".equals(connect.clientMode());
    }

    private static boolean isOperatorUi(ConnectParams connect) {
        return OPERATOR_UI_CLIENTS.contains(connect.clientId());
    }

    private static boolean isLoopback(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host != null && LOOPBACK_HOSTS.contains(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
