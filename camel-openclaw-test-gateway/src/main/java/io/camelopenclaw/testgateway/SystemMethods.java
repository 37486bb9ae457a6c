package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.ObjectSchema.Type;

/**
 * {@code health} (the cached snapshot; needs {@code operator.read} in protocol 4, nothing in 2026.3.13) and
 * {@code status} (a small summary).
 */
final class SystemMethods {

    private static final ObjectSchema HEALTH =
            ObjectSchema.builder().optional("probe", Type.BOOLEAN).build();
    private static final ObjectSchema STATUS = ObjectSchema.builder()
            .optional("includeChannelSummary", Type.BOOLEAN)
            .optional("includeCliProjection", Type.BOOLEAN)
            .build();

    private final GatewayConfig config;
    private final ServerInfo info;
    private final RunEngine engine;
    private final SessionStore sessions;

    SystemMethods(GatewayConfig config, ServerInfo info, RunEngine engine, SessionStore sessions) {
        this.config = config;
        this.info = info;
        this.engine = engine;
        this.sessions = sessions;
    }

    void register(RequestRouter router) {
        router.register(
                "health",
                config.v4() ? Scopes.READ : null,
                HEALTH,
                (connection, requestId, params) -> connection.respond(requestId, info.healthResult()));
        router.register("status", Scopes.READ, STATUS, this::status);
    }

    private void status(ClientConnection connection, String requestId, JsonNode params) {
        engine.execute(() -> {
            ObjectNode status = Json.object().put("runtimeVersion", config.serverVersion());
            status.putObject("heartbeat")
                    .put("defaultAgentId", SessionKeys.DEFAULT_AGENT)
                    .putArray("agents")
                    .addObject()
                    .put("agentId", SessionKeys.DEFAULT_AGENT)
                    .put("enabled", false)
                    .put("every", "disabled")
                    .putNull("everyMs");
            status.putArray("channelSummary");
            status.putArray("queuedSystemEvents");
            ObjectNode summary =
                    status.putObject("sessions").put("count", sessions.all().size());
            summary.putObject("defaults").put("model", RunFrames.MODEL).put("contextTokens", 128_000);
            connection.respond(requestId, Json.write(status));
        });
    }
}
