package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.testgateway.ObjectSchema.Type;

/** {@code chat.history}, {@code chat.abort} and {@code chat.send}. */
final class ChatMethods {

    private static final ObjectSchema SEND_V4 = ObjectSchema.builder()
            .required("sessionKey", Type.NON_EMPTY_STRING)
            .required("message", Type.STRING)
            .required("idempotencyKey", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("sessionId", Type.STRING)
            .optional("thinking", Type.STRING)
            .optional("deliver", Type.BOOLEAN)
            .optional("attachments", Type.ARRAY)
            .optional("timeoutMs", Type.NON_NEGATIVE_INTEGER)
            .optional("suppressCommandInterpretation", Type.BOOLEAN)
            .optionalAny(
                    "fastMode",
                    "fastAutoOnSeconds",
                    "queueMode",
                    "originatingChannel",
                    "originatingTo",
                    "originatingAccountId",
                    "originatingThreadId",
                    "replyToId",
                    "mentions",
                    "workContext",
                    "intent",
                    "toolBindings",
                    "systemInputProvenance",
                    "systemProvenanceReceipt",
                    "expectedLeafEntryId",
                    "expectedSessionRoutingContract",
                    "expectedPermissionMode",
                    "expectedToolOverrides")
            .build();
    /** The 2026.3.13 {@code chat.send} schema. */
    private static final ObjectSchema SEND_V3 = ObjectSchema.builder()
            .required("sessionKey", Type.NON_EMPTY_STRING)
            .required("message", Type.STRING)
            .optional("thinking", Type.STRING)
            .optional("deliver", Type.BOOLEAN)
            .optional("attachments", Type.ARRAY)
            .optional("timeoutMs", Type.NON_NEGATIVE_INTEGER)
            .optionalAny("systemInputProvenance", "systemProvenanceReceipt")
            .required("idempotencyKey", Type.NON_EMPTY_STRING)
            .build();

    private static final ObjectSchema ABORT_V4 = ObjectSchema.builder()
            .required("sessionKey", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("runId", Type.NON_EMPTY_STRING)
            .optional("preserveSideRuns", Type.BOOLEAN)
            .build();
    private static final ObjectSchema ABORT_V3 =
            ABORT_V4.toBuilder().without("agentId", "preserveSideRuns").build();
    private static final ObjectSchema HISTORY_V4 = ObjectSchema.builder()
            .required("sessionKey", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("limit", Type.INTEGER)
            .optionalAny(
                    "offset",
                    "cursor",
                    "maxBytes",
                    "maxChars",
                    "messageId",
                    "sessionId",
                    "pendingBefore",
                    "inputRunIds")
            .build();
    private static final ObjectSchema HISTORY_V3 = ObjectSchema.builder()
            .required("sessionKey", Type.NON_EMPTY_STRING)
            .optional("limit", Type.INTEGER)
            .build();

    private final GatewayConfig config;
    private final RunEngine engine;
    private final SessionStore sessions;
    private final SessionViews views;

    ChatMethods(GatewayConfig config, RunEngine engine, SessionStore sessions, SessionViews views) {
        this.config = config;
        this.engine = engine;
        this.sessions = sessions;
        this.views = views;
    }

    void register(RequestRouter router) {
        boolean v4 = config.v4();
        router.register("chat.history", Scopes.READ, v4 ? HISTORY_V4 : HISTORY_V3, this::history);
        router.register("chat.abort", Scopes.WRITE, v4 ? ABORT_V4 : ABORT_V3, this::abort);
        router.register("chat.send", Scopes.WRITE, v4 ? SEND_V4 : SEND_V3, this::send);
    }

    private void history(ClientConnection connection, String requestId, JsonNode params) {
        String key = SessionKeys.canonical(params.get("sessionKey").asText());
        Integer limit = params.has("limit") ? params.get("limit").asInt() : null;
        engine.execute(() -> {
            connection.respond(
                    requestId, Json.write(views.history(sessions.findOrEmpty(key, connection.connect()), limit)));
        });
    }

    private void abort(ClientConnection connection, String requestId, JsonNode params) {
        String key = SessionKeys.canonical(params.get("sessionKey").asText());
        String runId = Json.text(params, "runId");
        engine.execute(() -> engine.abort(connection, requestId, key, runId));
    }

    private void send(ClientConnection connection, String requestId, JsonNode params) {
        RunRequest request = RunRequest.from(params, null, config);
        engine.execute(() -> engine.chatSend(connection, requestId, request));
    }
}
