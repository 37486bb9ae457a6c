package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a schema-valid {@code connect} request the gateway acts on.
 *
 * @param rawScopes the {@code scopes} array exactly as sent (the device signature covers it), empty when omitted
 * @param device    the {@code device} block, or null
 */
record ConnectParams(
        int minProtocol,
        int maxProtocol,
        String clientId,
        String clientMode,
        String clientVersion,
        String displayName,
        String platform,
        String deviceFamily,
        String role,
        List<String> rawScopes,
        Set<String> caps,
        String authToken,
        String authPassword,
        String authDeviceToken,
        String authBootstrapToken,
        Device device) {

    /** The {@code device} block of a connect request. */
    record Device(String id, String publicKey, String signature, long signedAt, String nonce) {}

    static ConnectParams from(JsonNode params) {
        JsonNode client = params.get("client");
        JsonNode auth = params.get("auth");
        JsonNode scopes = params.get("scopes");
        List<String> rawScopes = new ArrayList<>();
        if (scopes != null) {
            scopes.forEach(scope -> rawScopes.add(scope.asText()));
        }
        Set<String> caps = new TreeSet<>();
        if (params.has("caps")) {
            params.get("caps").forEach(cap -> caps.add(cap.asText()));
        }
        JsonNode device = params.get("device");
        String role = Json.text(params, "role");
        return new ConnectParams(
                params.get("minProtocol").asInt(),
                params.get("maxProtocol").asInt(),
                Json.text(client, "id"),
                Json.text(client, "mode"),
                Json.text(client, "version"),
                Json.text(client, "displayName"),
                Json.text(client, "platform"),
                Json.text(client, "deviceFamily"),
                role == null ? "operator" : role,
                List.copyOf(rawScopes),
                Set.copyOf(caps),
                Json.text(auth, "token"),
                Json.text(auth, "password"),
                Json.text(auth, "deviceToken"),
                Json.text(auth, "bootstrapToken"),
                device == null
                        ? null
                        : new Device(
                                Json.text(device, "id"),
                                Json.text(device, "publicKey"),
                                Json.text(device, "signature"),
                                device.get("signedAt").asLong(),
                                Json.text(device, "nonce")));
    }

    boolean hasCap(String cap) {
        return caps.contains(cap);
    }
}
