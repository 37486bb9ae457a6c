package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.testgateway.ObjectSchema.Type;

/** {@code agent} (two responses: accepted, then the result) and {@code agent.wait}. */
final class AgentMethods {

    private static final long DEFAULT_WAIT_MS = 30_000;

    private static final ObjectSchema AGENT_V4 = ObjectSchema.builder()
            .required("message", Type.NON_EMPTY_STRING)
            .required("idempotencyKey", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("sessionKey", Type.NON_EMPTY_STRING)
            .optional("sessionId", Type.STRING)
            .optional("thinking", Type.STRING)
            .optional("deliver", Type.BOOLEAN)
            .optional("attachments", Type.ARRAY)
            .optional("extraSystemPrompt", Type.STRING)
            .optionalAny(
                    "channel",
                    "to",
                    "replyTo",
                    "replyChannel",
                    "accountId",
                    "replyAccountId",
                    "threadId",
                    "groupId",
                    "groupChannel",
                    "groupSpace",
                    "timeout",
                    "bestEffortDeliver",
                    "lane",
                    "label",
                    "promptMode",
                    "provider",
                    "model",
                    "cwd")
            .build();
    private static final ObjectSchema AGENT_V3 =
            AGENT_V4.toBuilder().without("promptMode", "cwd").build();
    private static final ObjectSchema WAIT = ObjectSchema.builder()
            .required("runId", Type.NON_EMPTY_STRING)
            .optional("timeoutMs", Type.NON_NEGATIVE_INTEGER)
            .build();

    private final GatewayConfig config;
    private final RunEngine engine;

    AgentMethods(GatewayConfig config, RunEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    void register(RequestRouter router) {
        router.register("agent", AgentMethods::scope, config.v4() ? AGENT_V4 : AGENT_V3, this::agent);
        router.register("agent.wait", Scopes.WRITE, WAIT, this::waitFor);
    }

    /** {@code operator.write}, or {@code operator.admin} for the {@code /new} and {@code /reset} commands. */
    private static String scope(JsonNode params) {
        String message = Json.text(params, "message");
        String command = message == null ? "" : message.trim();
        return command.startsWith("/new") || command.startsWith("/reset") ? Scopes.ADMIN : Scopes.WRITE;
    }

    private void agent(ClientConnection connection, String requestId, JsonNode params) {
        RunRequest request = RunRequest.from(params, SessionKeys.MAIN_SESSION, config);
        engine.execute(() -> engine.agent(connection, requestId, request));
    }

    private void waitFor(ClientConnection connection, String requestId, JsonNode params) {
        String runId = params.get("runId").asText();
        long timeoutMs = params.has("timeoutMs") ? params.get("timeoutMs").asLong() : DEFAULT_WAIT_MS;
        engine.execute(() -> engine.waitFor(connection, requestId, runId, timeoutMs));
    }
}
