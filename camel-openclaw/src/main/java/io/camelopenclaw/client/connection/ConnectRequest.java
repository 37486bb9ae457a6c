package io.camelopenclaw.client.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceAuthPayload;
import io.camelopenclaw.client.auth.DeviceIdentity;
import io.camelopenclaw.client.auth.DeviceToken;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Builds the {@code connect} params: protocol range, client info, role, explicit scopes, caps, credentials and the
 * signed device block. Only fields known to both protocol generations are sent (v3 schemas are closed).
 */
final class ConnectRequest {

    static final String ROLE = "operator";

    private final ObjectNode params;
    private final boolean deviceTokenOnly;

    private ConnectRequest(ObjectNode params, boolean deviceTokenOnly) {
        this.params = params;
        this.deviceTokenOnly = deviceTokenOnly;
    }

    /**
     * @param identity    the device identity, or {@code null} to connect without one
     * @param storedToken a device token for this gateway, used when no shared secret is configured; may be {@code null}
     */
    public static ConnectRequest build(
            GatewayClientOptions options,
            String nonce,
            long challengeTs,
            DeviceIdentity identity,
            DeviceToken storedToken) {
        ObjectNode params = JsonValues.object();
        params.put("minProtocol", options.minProtocol());
        params.put("maxProtocol", options.maxProtocol());
        ObjectNode client = params.putObject("client");
        client.put("id", options.clientId());
        if (options.displayName() != null) {
            client.put("displayName", options.displayName());
        }
        client.put("version", options.clientVersion());
        client.put("platform", options.platform());
        if (options.deviceFamily() != null) {
            client.put("deviceFamily", options.deviceFamily());
        }
        client.put("mode", options.clientMode());
        if (options.instanceId() != null) {
            client.put("instanceId", options.instanceId());
        }
        params.put("role", ROLE);
        params.putPOJO("scopes", options.scopes());
        params.putPOJO("caps", options.caps());

        ObjectNode auth = JsonValues.object();
        String signatureToken = null;
        boolean deviceTokenOnly = false;
        if (options.token() != null) {
            auth.put("token", options.token());
            signatureToken = options.token();
        } else if (options.password() != null) {
            auth.put("password", options.password());
        } else if (storedToken != null) {
            auth.put("deviceToken", storedToken.token());
            signatureToken = storedToken.token();
            deviceTokenOnly = true;
        }
        if (!auth.isEmpty()) {
            params.set("auth", auth);
        }
        if (identity != null) {
            String payload = DeviceAuthPayload.v3(
                    identity.deviceId(),
                    options.clientId(),
                    options.clientMode(),
                    ROLE,
                    options.scopes(),
                    challengeTs,
                    signatureToken,
                    nonce,
                    options.platform(),
                    options.deviceFamily());
            ObjectNode device = params.putObject("device");
            device.put("id", identity.deviceId());
            device.put("publicKey", identity.publicKeyBase64Url());
            device.put("signature", identity.sign(payload));
            device.put("signedAt", challengeTs);
            device.put("nonce", nonce);
        }
        params.put("userAgent", "camel-openclaw/" + options.clientVersion());
        return new ConnectRequest(params, deviceTokenOnly);
    }

    public ObjectNode params() {
        return params;
    }

    /** Whether the only credential is a stored device token (a rejection then invalidates it). */
    public boolean deviceTokenOnly() {
        return deviceTokenOnly;
    }
}
