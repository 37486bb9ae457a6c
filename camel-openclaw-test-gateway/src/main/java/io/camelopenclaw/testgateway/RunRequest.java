package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checked input of a {@code chat.send} or {@code agent} request: canonical session key, message, idempotency
 * key, and the fingerprint a replay with the same key must match.
 */
record RunRequest(String sessionKey, String message, String idempotencyKey, String fingerprint) {

    /**
     * Checks what the params schema cannot (only the default agent exists; attachments within the policy limits)
     * and canonicalizes the session key, {@code defaultSessionKey} when the params have none.
     */
    static RunRequest from(JsonNode params, String defaultSessionKey, GatewayConfig config) {
        String agentId = Json.text(params, "agentId");
        if (agentId != null && !SessionKeys.DEFAULT_AGENT.equals(agentId)) {
            throw GatewayError.invalidRequest("unknown agent id \"" + agentId + "\"")
                    .details(Json.object().put("code", "UNKNOWN_AGENT_ID").put("agentId", agentId));
        }
        JsonNode attachments = params.get("attachments");
        Attachments.check(attachments, config.attachmentMaxBytes(), config.attachmentMaxImageBytes());
        String sessionKey = SessionKeys.canonical(
                params.has("sessionKey") ? params.get("sessionKey").asText() : defaultSessionKey);
        String message = params.get("message").asText();
        String fingerprint =
                sessionKey + '\u0000' + message + '\u0000' + (attachments == null ? "" : attachments.toString());
        return new RunRequest(sessionKey, message, params.get("idempotencyKey").asText(), fingerprint);
    }
}
