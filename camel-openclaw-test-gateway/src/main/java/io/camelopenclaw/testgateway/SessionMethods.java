package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.testgateway.ObjectSchema.Type;

/** {@code sessions.list}, {@code sessions.abort} (protocol 4), {@code sessions.reset}, {@code sessions.delete}. */
final class SessionMethods {

    /** 2026.3.13: no paging ({@code offset} is refused), every session unless {@code limit} says otherwise. */
    private static final ObjectSchema LIST_V3 = ObjectSchema.builder()
            .optional("limit", Type.INTEGER)
            .optionalAny(
                    "activeMinutes",
                    "includeGlobal",
                    "includeUnknown",
                    "includeDerivedTitles",
                    "includeLastMessage",
                    "label",
                    "spawnedBy",
                    "agentId",
                    "search")
            .build();
    /** 2026.9.6: pages ({@code limit}, default 100, and {@code offset}) and more filters. */
    private static final ObjectSchema LIST_V4 = LIST_V3.toBuilder()
            .optional("offset", Type.NON_NEGATIVE_INTEGER)
            .optionalAny(
                    "activeOnly",
                    "requireLastInteraction",
                    "sortBy",
                    "excludeSubagents",
                    "excludeCron",
                    "excludeSystem",
                    "configuredAgentsOnly",
                    "archived")
            .build();

    private static final ObjectSchema ABORT = ObjectSchema.builder()
            .optional("key", Type.NON_EMPTY_STRING)
            .optional("runId", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("clearQueued", Type.BOOLEAN)
            .build();
    private static final ObjectSchema RESET = ObjectSchema.builder()
            .required("key", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("reason", Type.STRING)
            .optional("expectedSessionId", Type.STRING)
            .build();
    private static final ObjectSchema DELETE = ObjectSchema.builder()
            .required("key", Type.NON_EMPTY_STRING)
            .optional("agentId", Type.STRING)
            .optional("deleteTranscript", Type.BOOLEAN)
            .optional("expectedSessionId", Type.STRING)
            .optional("archivedOnly", Type.BOOLEAN)
            .build();

    private final GatewayConfig config;
    private final RunEngine engine;
    private final SessionStore sessions;
    private final SessionViews views;

    SessionMethods(GatewayConfig config, RunEngine engine, SessionStore sessions, SessionViews views) {
        this.config = config;
        this.engine = engine;
        this.sessions = sessions;
        this.views = views;
    }

    void register(RequestRouter router) {
        router.register("sessions.list", Scopes.READ, config.v4() ? LIST_V4 : LIST_V3, this::list);
        if (config.v4()) {
            router.register("sessions.abort", Scopes.WRITE, ABORT, this::abort);
        }
        router.register("sessions.reset", Scopes.ADMIN, RESET, this::reset);
        router.register(
                "sessions.delete",
                params -> params.path("archivedOnly").asBoolean() ? Scopes.WRITE : Scopes.ADMIN,
                DELETE,
                this::delete);
    }

    private void list(ClientConnection connection, String requestId, JsonNode params) {
        Integer limit = params.has("limit") ? params.get("limit").asInt() : null;
        int offset = params.path("offset").asInt();
        engine.execute(() -> connection.respond(requestId, Json.write(views.list(sessions.all(), limit, offset))));
    }

    private void abort(ClientConnection connection, String requestId, JsonNode params) {
        String key = params.has("key") ? SessionKeys.canonical(params.get("key").asText()) : null;
        String runId = Json.text(params, "runId");
        if (key == null && runId == null) {
            throw GatewayError.invalidRequest("invalid sessions.abort params: key or runId required");
        }
        engine.execute(() -> engine.abort(connection, requestId, key, runId));
    }

    private void reset(ClientConnection connection, String requestId, JsonNode params) {
        String key = SessionKeys.canonical(params.get("key").asText());
        engine.execute(() -> {
            Session session = sessions.getOrCreate(key, connection.connect());
            engine.abortLive(session);
            session.reset();
            connection.respond(
                    requestId,
                    Json.write(Json.object()
                            .put("ok", true)
                            .put("key", key)
                            .set(
                                    "entry",
                                    Json.object()
                                            .put("sessionId", session.sessionId())
                                            .put("updatedAt", session.updatedAt))));
        });
    }

    private void delete(ClientConnection connection, String requestId, JsonNode params) {
        String key = SessionKeys.canonical(params.get("key").asText());
        engine.execute(() -> {
            Session session = sessions.find(key);
            if (session != null) {
                engine.abortLive(session);
            }
            connection.respond(
                    requestId,
                    Json.write(Json.object()
                            .put("ok", true)
                            .put("key", key)
                            .put("deleted", sessions.delete(key))
                            .set("archived", Json.array())));
        });
    }
}
