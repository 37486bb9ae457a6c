package io.camelopenclaw.client.connection;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders frames for logs with every secret (tokens, password, device token, signature) replaced by {@code ***}. */
final class FrameRedactor {

    private static final String MASK = "***";
    private static final List<String> AUTH_SECRETS = List.of(
            "token", "password", "deviceToken", "bootstrapToken", "approvalRuntimeToken", "agentRuntimeIdentityToken");

    private FrameRedactor() {}

    /** The frame as JSON text, secrets masked; the frame itself is not modified. */
    public static String redact(JsonNode frame) {
        if (frame == null || !frame.isObject()) {
            return String.valueOf(frame);
        }
        ObjectNode copy = ((ObjectNode) frame).deepCopy();
        maskAuth(copy.path("params").path("auth"));
        JsonNode device = copy.path("params").path("device");
        if (device.isObject() && device.has("signature")) {
            ((ObjectNode) device).put("signature", MASK);
        }
        JsonNode payloadAuth = copy.path("payload").path("auth");
        maskAuth(payloadAuth);
        if (payloadAuth.isObject() && payloadAuth.has("deviceTokens")) {
            ((ObjectNode) payloadAuth).put("deviceTokens", MASK);
        }
        return copy.toString();
    }

    private static void maskAuth(JsonNode auth) {
        if (auth.isObject()) {
            for (String field : AUTH_SECRETS) {
                if (auth.has(field)) {
                    ((ObjectNode) auth).put(field, MASK);
                }
            }
        }
    }
}
