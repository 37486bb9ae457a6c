package io.camelopenclaw.client.connection;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.auth.DeviceToken;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.json.JsonValues;

/**
 * The handshake's decisions: which credentials a {@code connect} carries (the shared token or password, else a stored
 * device token, signed by the device identity when there is one), what a refusal means for the stored device token,
 * and whether a {@code hello-ok} is acceptable (the negotiated protocol, the granted scopes) — keeping the device token
 * it issues.
 */
final class ConnectPlan {

    private final GatewayClientOptions options;
    private final String gateway;

    ConnectPlan(GatewayClientOptions options) {
        this.options = options;
        this.gateway = options.url().toString();
    }

    /** The {@code connect} answering a challenge; a challenge without nonce or timestamp is a protocol error. */
    ConnectRequest request(JsonNode challenge) throws GatewayConnectException, GatewayProtocolException {
        String nonce = JsonValues.text(challenge, "nonce");
        Long challengeTs = JsonValues.number(challenge, "ts");
        if (nonce == null || challengeTs == null || challengeTs < 0) {
            throw new GatewayProtocolException("connect.challenge without nonce or ts");
        }
        DeviceIdentityStore store = options.deviceIdentityStore();
        DeviceIdentity identity = null;
        DeviceToken stored = null;
        if (store != null) {
            try {
                identity = store.identity();
                stored = store.deviceToken(gateway, ConnectRequest.ROLE).orElse(null);
            } catch (RuntimeException e) {
                throw new GatewayConnectException(
                        "Device identity unavailable: " + e.getMessage(), GatewayError.NONE, true);
            }
        }
        return ConnectRequest.build(options, nonce, challengeTs, identity, stored);
    }

    /** The gateway refused {@code request} with {@code error}; a rejected stored device token is forgotten. */
    GatewayConnectException refused(ConnectRequest request, JsonNode error) {
        GatewayConnectException refusal = GatewayErrors.forConnect(GatewayErrors.parse(error));
        if (request.deviceTokenOnly() && "AUTH_DEVICE_TOKEN_MISMATCH".equals(refusal.detailsCode())) {
            options.deviceIdentityStore().clearDeviceToken(gateway, ConnectRequest.ROLE);
        }
        return refusal;
    }

    /**
     * Checks a {@code hello-ok} and keeps the device token it issues; returns why the connection cannot be used (a
     * protocol outside the offered range, scopes too narrow), or {@code null}.
     */
    GatewayException accept(GatewayInfo hello, JsonNode auth) {
        if (hello.protocol() < options.minProtocol() || hello.protocol() > options.maxProtocol()) {
            return new GatewayConnectException(
                    "Gateway negotiated protocol " + hello.protocol() + " outside the offered range",
                    GatewayError.NONE,
                    true);
        }
        storeDeviceToken(auth);
        List<String> granted = grantedScopes(hello);
        List<String> missing = granted == null ? List.of() : Scopes.missing(options.requiredScopes(), granted);
        return missing.isEmpty() ? null : new MissingScopeException(missing, granted);
    }

    /**
     * The granted scopes; {@code null} when unknown. A protocol-3 gateway clears the scopes of device-less clients
     * without saying so.
     */
    List<String> grantedScopes(GatewayInfo hello) {
        if (hello.grantedScopes() != null) {
            return hello.grantedScopes();
        }
        return hello.protocol() < 4 && options.deviceIdentityStore() == null ? List.of() : null;
    }

    private void storeDeviceToken(JsonNode auth) {
        DeviceIdentityStore store = options.deviceIdentityStore();
        if (store == null || auth == null || !auth.hasNonNull("deviceToken")) {
            return;
        }
        List<String> scopes = JsonValues.texts(auth, "scopes");
        store.saveDeviceToken(
                gateway,
                new DeviceToken(
                        auth.get("deviceToken").asText(),
                        ConnectRequest.ROLE,
                        scopes == null ? options.scopes() : scopes,
                        JsonValues.number(auth, "issuedAtMs")));
    }
}
