package io.camelopenclaw.testgateway;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * How a run looks on the wire: the {@code chat}, {@code agent} and {@code task} events of each run step, with the
 * field names and orders the recorded gateways use. Protocol 4 (2026.9.6) sends status, run_status, model, usage
 * and finishing events and {@code deltaText}; protocol 3 (2026.3.13) only lifecycle start/end, assistant text and
 * cumulative chat deltas. {@code chat.send} runs and {@code agent} runs differ in envelope details (the latter have
 * no {@code isHeartbeat}, no chat status, and {@code task} events). Confined to the run engine thread.
 */
final class RunEvents {

    static final String AGENT_ID = SessionKeys.DEFAULT_AGENT;
    static final String PROVIDER = "stub";
    static final String MODEL = "stub-echo";
    static final String ABORT_ERROR = "This operation was aborted";
    private static final byte[] EMPTY_OBJECT = Json.utf8("{}");

    // Names and values of the per-chunk fields, quoted and encoded once (the generator copies them as they are).
    private static final SerializedString RUN_ID = new SerializedString("runId");
    private static final SerializedString SESSION_KEY = new SerializedString("sessionKey");
    private static final SerializedString AGENT_ID_FIELD = new SerializedString("agentId");
    private static final SerializedString AGENT_ID_VALUE = new SerializedString(AGENT_ID);
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString TS = new SerializedString("ts");
    private static final SerializedString STATE = new SerializedString("state");
    private static final SerializedString STREAM = new SerializedString("stream");
    private static final SerializedString DATA = new SerializedString("data");
    private static final SerializedString IS_HEARTBEAT = new SerializedString("isHeartbeat");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString DELTA = new SerializedString("delta");
    private static final SerializedString DELTA_TEXT = new SerializedString("deltaText");
    private static final SerializedString ITEM_ID = new SerializedString("itemId");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString ROLE = new SerializedString("role");
    private static final SerializedString ASSISTANT = new SerializedString("assistant");
    private static final SerializedString CONTENT = new SerializedString("content");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");

    /** The field orders of {@code agent} event payloads seen on the wire. */
    private enum Envelope {
        /** runId, stream, data, sessionKey, agentId: run_status, assistant, thinking, item, tool. */
        STREAM_FIRST,
        /** runId, sessionKey, sessionId, agentId, stream, data: lifecycle start/model/finishing. */
        SESSION_FIRST,
        /** runId, sessionKey, stream, data, agentId: usage. */
        USAGE,
        /** runId, agentId, sessionId, sessionKey, [lane], stream, data: lifecycle model cleared. */
        MODEL_CLEARED,
        /** lifecycle end / error. */
        TERMINAL
    }

    private final boolean v4;
    private final EventBroadcaster broadcaster;
    private final SessionViews views;
    private int toolCalls;
    private boolean metadataAnnounced;

    RunEvents(GatewayConfig config, EventBroadcaster broadcaster, SessionViews views) {
        this.v4 = config.v4();
        this.broadcaster = broadcaster;
        this.views = views;
    }

    /** {@code chat.metadata.changed}, once per gateway start (protocol 4). */
    void firstRun() {
        if (v4 && !metadataAnnounced) {
            metadataAnnounced = true;
            broadcaster.broadcast("chat.metadata.changed", EMPTY_OBJECT);
        }
    }

    void prepare(Run run) {
        status(run, "preparing_workspace");
        status(run, "preparing_context");
    }

    void start(Run run) {
        lifecycle(run, run.nextSeq(), Envelope.SESSION_FIRST, g -> {
            g.writeStringField("phase", "start");
            g.writeNumberField("startedAt", run.startedAt);
        });
        status(run, "starting_model");
    }

    void model(Run run) {
        run.modelCalls++;
        if (v4) {
            modelPhase(run, run.nextSeq(), PROVIDER, MODEL);
        }
    }

    void thinking(Run run, String chunk) {
        String text = run.appendThinking(chunk);
        agent(run, run.nextSeq(), "thinking", Envelope.STREAM_FIRST, g -> {
            g.writeStringField("text", text);
            g.writeStringField("delta", chunk);
        });
    }

    /** An assistant chunk; the chat delta of the last chunk is held back until {@link #finish(Run)}. */
    void text(Run run, String chunk, boolean replace, boolean last) {
        int seq = run.nextSeq();
        String text = run.text();
        agent(run, seq, "assistant", Envelope.STREAM_FIRST, g -> {
            put(g, TEXT, text);
            put(g, DELTA, chunk);
            if (v4) {
                put(g, ITEM_ID, run.itemId());
                if (replace) {
                    g.writeBooleanField("replace", true);
                }
            }
        });
        if (last) {
            run.pendingDelta = chunk;
            run.pendingReplace = replace;
        } else {
            chatDelta(run, seq, chunk, replace);
        }
    }

    /** The {@code ls} tool call: activity items for everyone, tool events for the starter (cap tool-events). */
    void tool(Run run) {
        run.toolCallId = "call_stub_" + ++toolCalls;
        long startedAt = System.currentTimeMillis();
        if (v4) {
            usage(run, 1);
            item(run, "start", "running", startedAt);
        }
        tool(run, g -> {
            g.writeStringField("phase", "start");
            g.writeStringField("name", "ls");
            g.writeStringField("toolCallId", run.toolCallId);
            g.writeObjectFieldStart("args");
            g.writeStringField("path", ".");
            g.writeEndObject();
        });
        tool(run, g -> {
            g.writeStringField("phase", "result");
            g.writeStringField("name", "ls");
            g.writeStringField("toolCallId", run.toolCallId);
            if (v4) {
                g.writeStringField("meta", ".");
            }
            g.writeBooleanField("isError", false);
            if (v4) {
                g.writeBooleanField("commandBearing", false);
                g.writeObjectFieldStart("result");
                g.writeArrayFieldStart("content");
                g.writeStartObject();
                g.writeStringField("type", "text");
                g.writeStringField("text", AgentScript.TOOL_RESULT);
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectFieldStart("details");
                g.writeStringField("content", AgentScript.TOOL_RESULT);
                g.writeEndObject();
                g.writeEndObject();
            }
        });
        if (v4) {
            item(run, "end", "completed", startedAt);
        }
        model(run);
    }

    /** The end of a completed run: usage, finishing, lifecycle end, the held-back chat delta, chat final. */
    void finish(Run run) {
        boolean silent = run.script.silent();
        if (v4) {
            usage(run, run.outputTokens());
            lifecycle(run, run.nextSeq(), Envelope.SESSION_FIRST, g -> {
                g.writeStringField("phase", "finishing");
                g.writeStringField("stopReason", "stop");
                g.writeBooleanField("aborted", false);
                g.writeStringField("livenessState", "working");
                g.writeNumberField("endedAt", run.endedAt);
            });
            modelPhase(run, run.nextSeq(), null, null);
        }
        int seq = run.nextSeq();
        lifecycle(run, seq, Envelope.TERMINAL, g -> endData(g, run, silent));
        if (run.pendingDelta != null) {
            chatDelta(run, seq, run.pendingDelta, run.pendingReplace);
            run.pendingDelta = null;
        }
        chat(run, seq, "final", g -> {
            if (v4) {
                g.writeStringField("stopReason", "stop");
            }
            if (!silent) {
                message(g, run.text());
            }
        });
    }

    /** A failed model call: lifecycle error, then chat error. */
    void fail(Run run) {
        int seq = run.nextSeq();
        lifecycle(run, seq, Envelope.TERMINAL, g -> {
            g.writeStringField("phase", "error");
            g.writeNumberField("endedAt", run.endedAt);
            if (v4) {
                g.writeNumberField("startedAt", run.startedAt);
            }
            g.writeStringField("error", run.errorMessage);
            if (v4) {
                g.writeBooleanField("aborted", false);
                g.writeStringField("stopReason", "error");
                g.writeBooleanField("executionSettled", true);
            }
        });
        chat(run, seq, "error", g -> {
            g.writeStringField("errorMessage", run.errorMessage);
            if (v4) {
                g.writeStringField("errorKind", run.script.errorKind());
            }
        });
    }

    /**
     * What an abort sends before the abort response: chat aborted with the partial reply, and (protocol 4, for a
     * started run) lifecycle end {@code cancelled} and a lifecycle model event.
     */
    void aborted(Run run, boolean started) {
        int seq = run.nextSeq();
        String partial = run.text();
        chat(run, seq, "aborted", g -> {
            g.writeStringField("stopReason", "rpc");
            if (!partial.isEmpty()) {
                message(g, partial);
            }
        });
        if (v4 && started) {
            lifecycle(run, seq, Envelope.SESSION_FIRST, g -> {
                g.writeStringField("phase", "end");
                g.writeStringField("status", "cancelled");
                g.writeBooleanField("aborted", true);
                g.writeStringField("stopReason", "rpc");
                g.writeNumberField("startedAt", run.acceptedAt);
                g.writeNumberField("endedAt", run.endedAt);
            });
            modelPhase(run, run.nextSeq(), PROVIDER, MODEL);
        }
    }

    /** What follows the abort response (protocol 4): model cleared, then the late lifecycle error. */
    void afterAbort(Run run) {
        if (!v4) {
            return;
        }
        modelPhase(run, run.nextSeq(), null, null);
        lifecycle(run, run.nextSeq(), Envelope.TERMINAL, g -> {
            g.writeStringField("phase", "error");
            g.writeNumberField("endedAt", System.currentTimeMillis());
            g.writeNumberField("startedAt", run.startedAt);
            g.writeStringField("error", ABORT_ERROR);
            g.writeBooleanField("aborted", true);
            g.writeStringField("stopReason", "aborted");
            g.writeBooleanField("executionSettled", true);
        });
    }

    /** The task-ledger event of an {@code agent} run (protocol 4). */
    void task(Run run, String status, String executionState) {
        if (!v4 || run.chatSend()) {
            return;
        }
        broadcaster.broadcast("task", Json.stream(g -> {
            g.writeStartObject();
            g.writeStringField("action", "upserted");
            g.writeObjectFieldStart("task");
            g.writeStringField("id", run.taskId);
            g.writeStringField("taskId", run.taskId);
            g.writeStringField("kind", "cli");
            g.writeStringField("runtime", "cli");
            g.writeStringField("status", status);
            g.writeObjectFieldStart("execution");
            g.writeStringField("state", executionState);
            g.writeEndObject();
            g.writeStringField("title", run.message);
            g.writeStringField("agentId", AGENT_ID);
            g.writeStringField("sessionKey", run.session.key);
            g.writeStringField("childSessionKey", run.session.key);
            g.writeBooleanField("hasTranscript", true);
            g.writeStringField("ownerKey", run.session.key);
            g.writeStringField("runId", run.runId);
            g.writeStringField("sourceId", run.runId);
            g.writeNumberField("createdAt", run.acceptedAt);
            g.writeNumberField("updatedAt", System.currentTimeMillis());
            g.writeNumberField("startedAt", run.startedAt > 0 ? run.startedAt : run.acceptedAt);
            if (run.finished()) {
                g.writeNumberField("endedAt", run.endedAt);
                g.writeStringField("terminalSummary", RunResults.summary(run));
            }
            g.writeStringField("deliveryStatus", "not_applicable");
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private void status(Run run, String phase) {
        if (!v4 || !run.chatSend()) {
            return;
        }
        int seq = run.nextSeq();
        chat(run, seq, "status", g -> g.writeStringField("phase", phase));
        agent(run, seq, "run_status", Envelope.STREAM_FIRST, g -> g.writeStringField("phase", phase));
    }

    private void usage(Run run, long outputTokens) {
        agent(run, run.nextSeq(), "usage", Envelope.USAGE, g -> g.writeNumberField("outputTokens", outputTokens));
    }

    private void modelPhase(Run run, int seq, String provider, String model) {
        lifecycle(run, seq, provider == null ? Envelope.MODEL_CLEARED : Envelope.SESSION_FIRST, g -> {
            g.writeStringField("phase", "model");
            g.writeStringField("provider", provider);
            g.writeStringField("model", model);
        });
    }

    private void item(Run run, String phase, String status, long startedAt) {
        agent(run, run.nextSeq(), "item", Envelope.STREAM_FIRST, g -> {
            g.writeStringField("itemId", "tool:" + run.toolCallId);
            g.writeStringField("toolCallId", run.toolCallId);
            g.writeStringField("name", "ls");
            g.writeStringField("kind", "tool");
            g.writeStringField("phase", phase);
            g.writeStringField("title", "Ls .");
            g.writeStringField("status", status);
            g.writeStringField("meta", ".");
            g.writeBooleanField("commandBearing", false);
            g.writeNumberField("startedAt", startedAt);
            if ("end".equals(phase)) {
                g.writeNumberField("endedAt", System.currentTimeMillis());
            }
        });
    }

    private void endData(JsonGenerator g, Run run, boolean silent) throws IOException {
        String disposition = silent ? "silent" : "visible";
        if (!v4) {
            g.writeStringField("phase", "end");
            g.writeNumberField("endedAt", run.endedAt);
            return;
        }
        if (run.chatSend()) {
            g.writeStringField("stopReason", "stop");
            g.writeBooleanField("aborted", false);
            g.writeStringField("livenessState", "working");
            g.writeStringField("phase", "end");
            g.writeNumberField("endedAt", run.endedAt);
            g.writeNumberField("startedAt", run.startedAt);
            g.writeBooleanField("replayInvalid", false);
            terminalReply(g, run, disposition);
            terminalReceipt(g, run, disposition);
            g.writeBooleanField("executionSettled", true);
        } else {
            g.writeStringField("phase", "end");
            g.writeNumberField("startedAt", run.startedAt);
            g.writeNumberField("endedAt", run.endedAt);
            g.writeBooleanField("aborted", false);
            g.writeStringField("stopReason", "stop");
            g.writeStringField("livenessState", "working");
            g.writeBooleanField("executionSettled", true);
            terminalReceipt(g, run, disposition);
            terminalReply(g, run, disposition);
        }
    }

    private static void terminalReply(JsonGenerator g, Run run, String disposition) throws IOException {
        g.writeObjectFieldStart("terminalReply");
        g.writeStringField("disposition", disposition);
        if (!run.script.silent()) {
            g.writeStringField("text", run.text());
        }
        g.writeEndObject();
    }

    private static void terminalReceipt(JsonGenerator g, Run run, String disposition) throws IOException {
        g.writeObjectFieldStart("terminalReceipt");
        g.writeStringField("runId", run.runId);
        g.writeStringField("sessionId", run.session.sessionId());
        g.writeStringField("turnId", run.runId);
        g.writeObjectFieldStart("requested");
        g.writeStringField("provider", PROVIDER);
        g.writeStringField("model", MODEL);
        g.writeEndObject();
        g.writeObjectFieldStart("effective");
        g.writeStringField("provider", PROVIDER);
        g.writeStringField("model", MODEL);
        g.writeStringField("responseModel", MODEL);
        g.writeEndObject();
        g.writeArrayFieldStart("successfulToolNames");
        if (run.toolCallId != null) {
            g.writeString("ls");
        }
        g.writeEndArray();
        g.writeBooleanField("rerouted", false);
        g.writeStringField("terminalDisposition", disposition);
        g.writeEndObject();
    }

    private void chatDelta(Run run, int seq, String chunk, boolean replace) {
        String text = run.text();
        chat(run, seq, "delta", g -> {
            if (v4) {
                put(g, DELTA_TEXT, chunk);
                if (replace) {
                    g.writeBooleanField("replace", true);
                }
            }
            message(g, text);
        });
    }

    private void chat(Run run, int seq, String state, Json.Body fields) {
        broadcaster.broadcast("chat", Json.stream(g -> {
            g.writeStartObject();
            put(g, RUN_ID, run.quotedRunId);
            put(g, SESSION_KEY, run.session.quotedKey);
            if (v4) {
                put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
            }
            put(g, SEQ, seq);
            put(g, STATE, state);
            fields.write(g);
            g.writeEndObject();
        }));
    }

    private static void message(JsonGenerator g, String text) throws IOException {
        g.writeFieldName(MESSAGE);
        g.writeStartObject();
        put(g, ROLE, ASSISTANT);
        g.writeFieldName(CONTENT);
        g.writeStartArray();
        g.writeStartObject();
        put(g, TYPE, TEXT);
        put(g, TEXT, text);
        g.writeEndObject();
        g.writeEndArray();
        put(g, TIMESTAMP, System.currentTimeMillis());
        g.writeEndObject();
    }

    private void lifecycle(Run run, int seq, Envelope envelope, Json.Body data) {
        agent(run, seq, "lifecycle", envelope, data);
    }

    private void agent(Run run, int seq, String stream, Envelope envelope, Json.Body data) {
        broadcaster.broadcast("agent", agentPayload(run, seq, stream, envelope, data, null));
    }

    /** A tool event, to the starting connection only, and only when it asked for {@code tool-events}. */
    private void tool(Run run, Json.Body data) {
        ClientConnection starter = run.starter;
        if (!starter.isOpen() || !starter.wantsToolEvents() || !Scopes.mayReceive(starter.scopes(), "agent")) {
            return;
        }
        broadcaster.sendTool(starter, agentPayload(run, run.nextSeq(), "tool", Envelope.STREAM_FIRST, data,
                v4 ? g -> views.writeToolEventSession(g, run) : null));
    }

    private byte[] agentPayload(Run run, int seq, String stream, Envelope envelope, Json.Body data, Json.Body tail) {
        return Json.stream(g -> {
            g.writeStartObject();
            put(g, RUN_ID, run.quotedRunId);
            if (!v4) {
                streamAndData(g, stream, data);
                put(g, SESSION_KEY, run.session.quotedKey);
            } else {
                switch (envelope) {
                    case STREAM_FIRST -> {
                        streamAndData(g, stream, data);
                        put(g, SESSION_KEY, run.session.quotedKey);
                        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
                    }
                    case SESSION_FIRST -> {
                        put(g, SESSION_KEY, run.session.quotedKey);
                        g.writeStringField("sessionId", run.session.sessionId());
                        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
                        streamAndData(g, stream, data);
                    }
                    case USAGE -> {
                        put(g, SESSION_KEY, run.session.quotedKey);
                        streamAndData(g, stream, data);
                        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
                    }
                    case MODEL_CLEARED -> {
                        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
                        g.writeStringField("sessionId", run.session.sessionId());
                        put(g, SESSION_KEY, run.session.quotedKey);
                        if (run.chatSend()) {
                            g.writeStringField("lane", "main");
                        }
                        streamAndData(g, stream, data);
                    }
                    case TERMINAL -> terminalEnvelope(g, run, stream, data);
                }
            }
            put(g, SEQ, seq);
            put(g, TS, System.currentTimeMillis());
            if (v4 && run.chatSend()) {
                g.writeFieldName(IS_HEARTBEAT);
                g.writeBoolean(false);
            }
            if (tail != null) {
                tail.write(g);
            }
            g.writeEndObject();
        });
    }

    private static void terminalEnvelope(JsonGenerator g, Run run, String stream, Json.Body data) throws IOException {
        if (run.chatSend()) {
            put(g, SESSION_KEY, run.session.quotedKey);
            streamAndData(g, stream, data);
        } else {
            streamAndData(g, stream, data);
            put(g, SESSION_KEY, run.session.quotedKey);
        }
        g.writeStringField("sessionId", run.session.sessionId());
        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
    }

    private static void streamAndData(JsonGenerator g, String stream, Json.Body data) throws IOException {
        put(g, STREAM, stream);
        g.writeFieldName(DATA);
        g.writeStartObject();
        data.write(g);
        g.writeEndObject();
    }

    private static void put(JsonGenerator g, SerializableString name, SerializableString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void put(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void put(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }
}
