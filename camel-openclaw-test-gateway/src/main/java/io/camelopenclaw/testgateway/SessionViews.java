package io.camelopenclaw.testgateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.TranscriptEntry.Kind;

/**
 * Sessions as the recorded gateways show them: {@code chat.history} results, {@code sessions.list} rows and the
 * session snapshot attached to v4 tool events. Protocol 4 user messages carry plain-string content and
 * {@code __openclaw} metadata; protocol 3 ones carry content parts and a sender label. Confined to the run engine
 * thread.
 */
final class SessionViews {

    private static final String STORE_PATH = "/home/user/.openclaw/agents/main/agent/openclaw-agent.sqlite";
    private static final int DEFAULT_HISTORY_LIMIT = 200;
    private static final int DEFAULT_LIST_LIMIT = 100;

    private final boolean v4;
    private final ProtocolTemplates templates;
    private final List<String> toolEventFields;

    SessionViews(GatewayConfig config, ProtocolTemplates templates) {
        this.v4 = config.v4();
        this.templates = templates;
        this.toolEventFields = v4 ? templates.strings("toolEventSessionFields") : List.of();
    }

    /** The {@code chat.history} result: the newest {@code limit} messages. */
    ObjectNode history(Session session, Integer limit) {
        List<TranscriptEntry> transcript = session.transcript();
        int count = Math.min(transcript.size(), limit == null ? DEFAULT_HISTORY_LIMIT : limit);
        int from = transcript.size() - count;
        ObjectNode result = Json.object().put("sessionKey", session.key).put("sessionId", session.sessionId());
        result.putArray("messages").addAll(messages(session, from));
        if (!v4) {
            return result.put("thinkingLevel", "off");
        }
        ObjectNode pending = result.putObject("pendingInputs");
        pending.putArray("items");
        pending.put("total", 0);
        result.put("deltaCursor", deltaCursor(session, transcript.size()));
        result.put("hasMore", from > 0).put("totalMessages", transcript.size());
        result.set("defaults", templates.object("historyDefaults"));
        result.set("sessionInfo", row(session));
        Run active = session.active;
        if (active != null && active.status == Run.Status.RUNNING) {
            result.set("inFlightRun", inFlightRun(active));
        }
        return result;
    }

    /** The live run of a session, as 2026.9.6 shows it in {@code chat.history}: id, text buffered so far, start. */
    private static ObjectNode inFlightRun(Run run) {
        ObjectNode inFlight =
                Json.object().put("runId", run.runId).put("text", run.text()).put("startedAt", run.startedAt);
        ArrayNode events = inFlight.putArray("events");
        if (run.firstTextSeq > 0) {
            events.addObject()
                    .put("runId", run.runId)
                    .put("seq", run.firstTextSeq)
                    .put("stream", "assistant")
                    .put("ts", run.startedAt)
                    .putObject("data");
            ObjectNode first = (ObjectNode) events.get(0);
            first.put("sessionKey", run.session.key).put("agentId", RunFrames.AGENT_ID);
        }
        return inFlight;
    }

    /** The transcript messages from index {@code from} on, as {@code chat.history} shows them. */
    List<ObjectNode> messages(Session session, int from) {
        List<TranscriptEntry> transcript = session.transcript();
        List<ObjectNode> messages = new ArrayList<>(transcript.size() - from);
        for (int i = from; i < transcript.size(); i++) {
            messages.add(v4 ? v4Message(session, transcript.get(i), i + 1) : v3Message(transcript.get(i)));
        }
        return messages;
    }

    /**
     * The {@code sessions.list} result, most recently updated first: on protocol 4 the page of {@code limit} (default
     * 100) sessions from {@code offset}, with where the next one starts; on protocol 3 every session unless
     * {@code limit} says otherwise.
     */
    ObjectNode list(List<Session> sessions, Integer limit, int offset) {
        Integer applied = limit != null ? limit : v4 ? Integer.valueOf(DEFAULT_LIST_LIMIT) : null;
        Collections.reverse(sessions); // newest first where sessions were updated in the same millisecond
        sessions.sort(Comparator.comparingLong((Session s) -> s.updatedAt).reversed());
        int from = Math.min(offset, sessions.size());
        int to = applied == null ? sessions.size() : from + Math.min(applied, sessions.size() - from);
        List<Session> page = sessions.subList(from, to);
        ObjectNode result = Json.object()
                .put("ts", System.currentTimeMillis())
                .put("path", !v4 || sessions.isEmpty() ? "(multiple)" : STORE_PATH)
                .put("count", page.size());
        if (v4) {
            boolean hasMore = to < sessions.size();
            result.put("totalCount", sessions.size()).put("limitApplied", applied);
            if (offset > 0) {
                result.put("offset", offset);
            }
            if (hasMore) {
                result.put("nextOffset", to);
            } else {
                result.putNull("nextOffset");
            }
            result.put("hasMore", hasMore).putArray("owners");
        }
        result.set("defaults", templates.object("listDefaults"));
        ArrayNode rows = result.putArray("sessions");
        page.forEach(session -> rows.add(row(session)));
        return result;
    }

    /** Writes the {@code session} snapshot of a v4 tool event and the snapshot fields repeated after it. */
    void writeToolEventSession(JsonGenerator g, Run run) throws IOException {
        Session session = run.session;
        ObjectNode snapshot = templates.object("toolEventSession");
        snapshot.put("key", session.key);
        participants(snapshot, session);
        long now = System.currentTimeMillis();
        snapshot.put("createdAt", session.createdAt)
                .put("updatedAt", session.updatedAt)
                .put("lastInteractionAt", session.updatedAt)
                .put("sessionId", session.sessionId())
                .put("status", "running")
                .put("startedAt", run.startedAt)
                .put("snapshotAt", now);
        placement(snapshot, session);
        g.writeFieldName("session");
        g.writeTree(snapshot);
        for (String field : toolEventFields) {
            g.writeFieldName(field);
            g.writeTree(snapshot.get(field));
        }
    }

    private ObjectNode row(Session session) {
        ObjectNode row = templates.object("sessionRow");
        Run last = session.active != null ? session.active : session.lastRun;
        if (!v4) {
            String label = label(session.creator);
            row.put("key", session.key)
                    .put("displayName", label)
                    .put("updatedAt", session.updatedAt)
                    .put("sessionId", session.sessionId())
                    .put("abortedLastRun", last != null && last.status == Run.Status.ABORTED);
            ((ObjectNode) row.get("origin")).put("label", label);
            return tokens(row, session);
        }
        row.put("key", session.key);
        participants(row, session);
        long now = System.currentTimeMillis();
        row.put("createdAt", session.createdAt)
                .put("isMain", SessionKeys.MAIN_SESSION.equals(session.key))
                .put("updatedAt", session.updatedAt)
                .put("lastInteractionAt", session.updatedAt)
                .put("lastActivityAt", session.updatedAt)
                .put("sessionId", session.sessionId())
                .put("abortedLastRun", last != null && last.status == Run.Status.ABORTED);
        tokens(row, session);
        ((ObjectNode) row.get("contextBudgetStatus"))
                .put("updatedAt", session.updatedAt)
                .put("sessionId", session.sessionId());
        if (last == null) {
            row.remove(List.of("status", "startedAt", "endedAt", "runtimeMs", "lastRunId"));
        } else {
            row.put("status", status(last)).put("startedAt", last.startedAt).put("lastRunId", last.runId);
            if (last.finished()) {
                row.put("endedAt", last.endedAt).put("runtimeMs", last.endedAt - last.startedAt);
            } else {
                row.putNull("endedAt").putNull("runtimeMs");
            }
        }
        row.put("snapshotAt", now);
        placement(row, session);
        row.put("hasActiveRun", session.active != null);
        ArrayNode active = row.putArray("activeRunIds");
        if (session.active != null) {
            active.add(session.active.runId);
        }
        return row;
    }

    private static ObjectNode tokens(ObjectNode row, Session session) {
        return row.put("inputTokens", session.inputTokens)
                .put("outputTokens", session.outputTokens)
                .put("totalTokens", session.inputTokens);
    }

    private static String status(Run run) {
        return switch (run.status) {
            case QUEUED, RUNNING -> "running";
            case OK -> "done";
            case ERROR -> "failed";
            case ABORTED -> "killed";
        };
    }

    private static void participants(ObjectNode node, Session session) {
        for (String field : List.of("participants", "expandedParticipants")) {
            ((ObjectNode) node.get(field).get(0).get("identity")).put("id", session.creator.clientId());
        }
    }

    private static void placement(ObjectNode node, Session session) {
        ((ObjectNode) node.get("placement"))
                .put("createdAtMs", session.createdAt)
                .put("updatedAtMs", session.updatedAt)
                .put("stateChangedAtMs", session.createdAt);
    }

    private ObjectNode v4Message(Session session, TranscriptEntry entry, int seq) {
        ObjectNode message = Json.object().put("role", entry.kind() == Kind.USER ? "user" : "assistant");
        ObjectNode meta = Json.object();
        switch (entry.kind()) {
            case USER -> {
                String key = entry.runId() + ":user";
                message.put("content", entry.text())
                        .put("timestamp", entry.timestamp())
                        .put("idempotencyKey", key);
                meta.put("senderIsOwner", true);
                if (entry.sender() != null) {
                    ObjectNode client = meta.putObject("transport")
                            .putArray("clients")
                            .addObject()
                            .put("id", entry.sender().clientId())
                            .put("mode", entry.sender().clientMode());
                    if (entry.sender().displayName() != null) {
                        client.put("displayName", entry.sender().displayName());
                    }
                }
                meta.put("id", entry.id().toString()).put("idempotencyKey", key);
            }
            case ABORT_PARTIAL -> {
                String key = entry.runId() + ":assistant";
                textContent(message, entry.text())
                        .put("timestamp", entry.timestamp())
                        .put("stopReason", "stop");
                usage(message, entry);
                injected(message).put("idempotencyKey", key);
                abortMarker(message, entry);
                meta.put("runId", entry.runId())
                        .put("id", entry.id().toString())
                        .put("idempotencyKey", key);
            }
            default -> {
                modelTurn(message, entry);
                if (entry.kind() == Kind.REPLY) {
                    message.put("responseId", "chatcmpl-" + entry.runId());
                }
                meta.put("runId", entry.runId()).put("id", entry.id().toString());
            }
        }
        meta.put("recordTimestampMs", entry.timestamp());
        meta.putObject("transcriptPosition")
                .put("source", transcriptSource(session))
                .put("rawSeq", seq);
        meta.put("seq", seq);
        message.set("__openclaw", meta);
        return message;
    }

    private ObjectNode v3Message(TranscriptEntry entry) {
        ObjectNode message = Json.object().put("role", entry.kind() == Kind.USER ? "user" : "assistant");
        switch (entry.kind()) {
            case USER -> {
                textContent(message, entry.text()).put("timestamp", entry.timestamp());
                if (entry.sender() != null) {
                    message.put(
                            "senderLabel",
                            label(entry.sender()) + " (" + entry.sender().clientId() + ")");
                }
            }
            case ABORT_PARTIAL -> {
                textContent(message, entry.text())
                        .put("timestamp", entry.timestamp())
                        .put("stopReason", "stop");
                usage(message, entry);
                injected(message).put("idempotencyKey", entry.runId() + ":assistant");
                abortMarker(message, entry);
            }
            default -> modelTurn(message, entry);
        }
        return message;
    }

    /** A model turn: reply, aborted turn (2026.3.x) or error. */
    private void modelTurn(ObjectNode message, TranscriptEntry entry) {
        if (entry.kind() == Kind.ERROR) {
            message.putArray("content");
        } else {
            textContent(message, entry.kind() == Kind.ABORTED_REPLY ? entry.text() + " " : entry.text());
        }
        message.put("api", "openai-completions")
                .put("provider", RunFrames.PROVIDER)
                .put("model", RunFrames.MODEL);
        usage(message, entry);
        String stopReason = switch (entry.kind()) {
            case ABORTED_REPLY -> "aborted";
            case ERROR -> "error";
            default -> "stop";
        };
        message.put("stopReason", stopReason).put("timestamp", entry.timestamp());
        if (entry.errorMessage() != null) {
            message.put("errorMessage", entry.errorMessage());
        }
    }

    private static ObjectNode textContent(ObjectNode message, String text) {
        message.putArray("content").addObject().put("type", "text").put("text", text);
        return message;
    }

    private static ObjectNode injected(ObjectNode message) {
        return message.put("api", "openai-responses")
                .put("provider", "openclaw")
                .put("model", "gateway-injected");
    }

    private static void abortMarker(ObjectNode message, TranscriptEntry entry) {
        message.putObject("openclawAbort")
                .put("aborted", true)
                .put("origin", "rpc")
                .put("runId", entry.runId());
    }

    private void usage(ObjectNode message, TranscriptEntry entry) {
        ObjectNode usage = message.putObject("usage")
                .put("input", entry.inputTokens())
                .put("output", entry.outputTokens())
                .put("totalTokens", entry.inputTokens() + entry.outputTokens())
                .put("cacheRead", 0)
                .put("cacheWrite", 0);
        ObjectNode cost = usage.putObject("cost");
        if (v4) {
            cost.put("input", 0).put("output", 0).put("cacheRead", 0).put("cacheWrite", 0);
        }
        cost.put("total", 0);
    }

    private static String label(ConnectParams client) {
        return client.displayName() != null ? client.displayName() : client.clientId();
    }

    private static String deltaCursor(Session session, int lastSeq) {
        String cursor = Json.write(Json.object()
                .put("agentId", RunFrames.AGENT_ID)
                .put("generation", session.sessionId().replace("-", ""))
                .put("lastSeq", lastSeq)
                .put("sessionId", session.sessionId())
                .put("version", 1));
        return Base64.getEncoder().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /** An opaque id of the transcript file, stable per session id. */
    private static String transcriptSource(Session session) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(session.sessionId().getBytes(StandardCharsets.UTF_8));
    }
}
