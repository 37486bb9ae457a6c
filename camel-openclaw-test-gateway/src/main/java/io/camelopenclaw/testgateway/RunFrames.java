package io.camelopenclaw.testgateway;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes the {@code chat} and {@code agent} event frames of a run with the field names and orders the recorded
 * gateways use, per protocol: the envelope of each {@code agent} stream, chat states, deltas with their cumulative
 * snapshot, tool events for the starting connection. {@link RunEvents} (a run's progress) and {@link RunEndEvents}
 * (how it ends) compose them. Confined to the run engine thread.
 */
final class RunFrames {

    static final String AGENT_ID = SessionKeys.DEFAULT_AGENT;
    static final String PROVIDER = "stub";
    static final String MODEL = "stub-echo";

    // Names and values of the per-chunk fields, quoted and encoded once (the generator copies them as they are).
    static final SerializedString TEXT = new SerializedString("text");
    static final SerializedString DELTA = new SerializedString("delta");
    static final SerializedString ITEM_ID = new SerializedString("itemId");
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
    private static final SerializedString DELTA_TEXT = new SerializedString("deltaText");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString ROLE = new SerializedString("role");
    private static final SerializedString ASSISTANT = new SerializedString("assistant");
    private static final SerializedString CONTENT = new SerializedString("content");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");

    /** The field orders of {@code agent} event payloads seen on the wire. */
    enum Envelope {
        /** runId, stream, data, sessionKey, agentId: run_status, assistant, thinking, item, tool. */
        STREAM_FIRST,
        /** runId, sessionKey, sessionId, agentId, stream, data: lifecycle start/model/finishing. */
        SESSION_FIRST,
        /** runId, sessionKey, stream, data, agentId: usage. */
        USAGE,
        /** runId, agentId, sessionId, sessionKey, [lane], stream, data: lifecycle model cleared. */
        MODEL_CLEARED,
        /** runId, sessionKey, stream, data, sessionId, agentId: lifecycle fallback_step. */
        STREAM_THEN_SESSION,
        /** lifecycle end / error. */
        TERMINAL
    }

    private final boolean v4;
    private final GatewayConfig.DeltaSnapshots deltaSnapshots;
    private final EventBroadcaster broadcaster;
    private final SessionViews views;

    RunFrames(GatewayConfig config, EventBroadcaster broadcaster, SessionViews views) {
        this.v4 = config.v4();
        this.deltaSnapshots = config.deltaSnapshots();
        this.broadcaster = broadcaster;
        this.views = views;
    }

    boolean v4() {
        return v4;
    }

    /** A chat event: runId, sessionKey, agentId (protocol 4), seq, state, then {@code fields}. */
    void chat(Run run, int seq, String state, Json.Body fields) {
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

    /**
     * The second {@code chat error} 2026.9.6 sends after a silent {@code chat.send} turn, from another emitter: its own
     * {@code seq} (1) and no {@code agentId}.
     */
    void lateChatError(Run run, String errorMessage) {
        broadcaster.broadcast("chat", Json.stream(g -> {
            g.writeStartObject();
            put(g, RUN_ID, run.quotedRunId);
            put(g, SESSION_KEY, run.session.quotedKey);
            put(g, SEQ, 1);
            put(g, STATE, "error");
            g.writeStringField("errorMessage", errorMessage);
            g.writeEndObject();
        }));
    }

    /**
     * A chat delta: the increment ({@code deltaText}, protocol 4) and the cumulative snapshot, which a gateway set to
     * {@link GatewayConfig.DeltaSnapshots#FIRST} leaves out after the run's first delta.
     */
    void chatDelta(Run run, int seq, String chunk, boolean replace) {
        boolean snapshot = !v4 || deltaSnapshots == GatewayConfig.DeltaSnapshots.EVERY || run.chatDeltas == 0;
        run.chatDeltas++;
        String text = run.text();
        chat(run, seq, "delta", g -> {
            if (v4) {
                put(g, DELTA_TEXT, chunk);
                if (replace) {
                    g.writeBooleanField("replace", true);
                }
            }
            if (snapshot) {
                message(g, text);
            }
        });
    }

    /** The chat {@code status} event and its {@code run_status} twin of a {@code chat.send} run (protocol 4). */
    void status(Run run, String phase) {
        if (!v4 || !run.chatSend()) {
            return;
        }
        int seq = run.nextSeq();
        chat(run, seq, "status", g -> g.writeStringField("phase", phase));
        agent(run, seq, "run_status", Envelope.STREAM_FIRST, g -> g.writeStringField("phase", phase));
    }

    void usage(Run run, long outputTokens) {
        agent(run, run.nextSeq(), "usage", Envelope.USAGE, g -> g.writeNumberField("outputTokens", outputTokens));
    }

    /** Lifecycle {@code model}: the model a call uses, or (both null) the model cleared after the last call. */
    void modelPhase(Run run, int seq, String provider, String model) {
        lifecycle(run, seq, provider == null ? Envelope.MODEL_CLEARED : Envelope.SESSION_FIRST, g -> {
            g.writeStringField("phase", "model");
            g.writeStringField("provider", provider);
            g.writeStringField("model", model);
        });
    }

    /** Lifecycle {@code finishing} of a model call that answered (protocol 4). */
    void finishing(Run run, long endedAt) {
        lifecycle(run, run.nextSeq(), Envelope.SESSION_FIRST, g -> {
            g.writeStringField("phase", "finishing");
            g.writeStringField("stopReason", "stop");
            g.writeBooleanField("aborted", false);
            g.writeStringField("livenessState", "working");
            g.writeNumberField("endedAt", endedAt);
        });
    }

    void lifecycle(Run run, int seq, Envelope envelope, Json.Body data) {
        agent(run, seq, "lifecycle", envelope, data);
    }

    void agent(Run run, int seq, String stream, Envelope envelope, Json.Body data) {
        broadcaster.broadcast("agent", agentPayload(run, seq, stream, envelope, data, null));
    }

    /** A tool event, to the starting connection only, and only when it asked for {@code tool-events}. */
    void tool(Run run, Json.Body data) {
        ClientConnection starter = run.starter;
        if (!starter.isOpen() || !starter.wantsToolEvents() || !Scopes.mayReceive(starter.scopes(), "agent")) {
            return;
        }
        broadcaster.sendTool(
                starter,
                agentPayload(
                        run,
                        run.nextSeq(),
                        "tool",
                        Envelope.STREAM_FIRST,
                        data,
                        v4 ? g -> views.writeToolEventSession(g, run) : null));
    }

    /** A chat message: {@code {role:"assistant", content:[{type:"text", text}], timestamp}}. */
    static void message(JsonGenerator g, String text) throws IOException {
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

    static void put(JsonGenerator g, SerializableString name, SerializableString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static void put(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static void put(JsonGenerator g, SerializableString name, long value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
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
                    case STREAM_THEN_SESSION -> {
                        put(g, SESSION_KEY, run.session.quotedKey);
                        streamAndData(g, stream, data);
                        g.writeStringField("sessionId", run.session.sessionId());
                        put(g, AGENT_ID_FIELD, AGENT_ID_VALUE);
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
}
