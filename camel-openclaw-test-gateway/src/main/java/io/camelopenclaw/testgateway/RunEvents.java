package io.camelopenclaw.testgateway;

import io.camelopenclaw.testgateway.RunFrames.Envelope;

/**
 * How a run's progress looks on the wire: preparation, lifecycle start, model calls, thinking, assistant text, tool
 * calls and the {@code task} ledger. Protocol 4 (2026.9.6) sends status, run_status, model, usage and finishing
 * events and {@code deltaText}; protocol 3 (2026.3.13) only lifecycle start, assistant text and cumulative chat
 * deltas. {@code chat.send} runs and {@code agent} runs differ in envelope details (the latter have no
 * {@code isHeartbeat}, no chat status, and {@code task} events). How a run ends is {@link RunEndEvents}. Confined to
 * the run engine thread.
 */
final class RunEvents {

    private static final byte[] EMPTY_OBJECT = Json.utf8("{}");

    private final boolean v4;
    private final RunFrames frames;
    private final EventBroadcaster broadcaster;
    private int toolCalls;
    private boolean metadataAnnounced;

    RunEvents(RunFrames frames, EventBroadcaster broadcaster) {
        this.v4 = frames.v4();
        this.frames = frames;
        this.broadcaster = broadcaster;
    }

    /** {@code chat.metadata.changed}, once per gateway start (protocol 4). */
    void firstRun() {
        if (v4 && !metadataAnnounced) {
            metadataAnnounced = true;
            broadcaster.broadcast("chat.metadata.changed", EMPTY_OBJECT);
        }
    }

    void prepare(Run run) {
        frames.status(run, "preparing_workspace");
        frames.status(run, "preparing_context");
    }

    void start(Run run) {
        start(run, run.startedAt);
    }

    /**
     * The model answered with the silent token: protocol 4 (2026.9.6) ends that attempt and asks the model once more
     * ("The previous attempt did not produce a user-visible answer"); protocol 3 accepts the silence at once.
     */
    void silentRetry(Run run) {
        if (!v4) {
            return;
        }
        frames.usage(run, 1);
        frames.finishing(run, System.currentTimeMillis());
        frames.status(run, "preparing_context");
        run.retryStartedAt = System.currentTimeMillis();
        start(run, run.retryStartedAt);
    }

    void model(Run run) {
        run.modelCalls++;
        if (v4) {
            frames.modelPhase(run, run.nextSeq(), RunFrames.PROVIDER, RunFrames.MODEL);
        }
    }

    void thinking(Run run, String chunk) {
        String text = run.appendThinking(chunk);
        frames.agent(run, run.nextSeq(), "thinking", Envelope.STREAM_FIRST, g -> {
            g.writeStringField("text", text);
            g.writeStringField("delta", chunk);
        });
    }

    /** An assistant chunk; the chat delta of the last chunk is held back until the run ends. */
    void text(Run run, String chunk, boolean replace, boolean last) {
        int seq = run.nextSeq();
        if (run.firstTextSeq == 0) {
            run.firstTextSeq = seq;
        }
        String text = run.text();
        frames.agent(run, seq, "assistant", Envelope.STREAM_FIRST, g -> {
            RunFrames.put(g, RunFrames.TEXT, text);
            RunFrames.put(g, RunFrames.DELTA, chunk);
            if (v4) {
                RunFrames.put(g, RunFrames.ITEM_ID, run.itemId());
                if (replace) {
                    g.writeBooleanField("replace", true);
                }
            }
        });
        if (last) {
            run.pendingDelta = chunk;
            run.pendingReplace = replace;
        } else {
            frames.chatDelta(run, seq, chunk, replace);
        }
    }

    /** The {@code ls} tool call: activity items for everyone, tool events for the starter (cap tool-events). */
    void tool(Run run) {
        run.toolCallId = "call_stub_" + ++toolCalls;
        long startedAt = System.currentTimeMillis();
        if (v4) {
            frames.usage(run, 1);
            item(run, "start", "running", startedAt);
        }
        frames.tool(run, g -> {
            g.writeStringField("phase", "start");
            g.writeStringField("name", "ls");
            g.writeStringField("toolCallId", run.toolCallId);
            g.writeObjectFieldStart("args");
            g.writeStringField("path", ".");
            g.writeEndObject();
        });
        frames.tool(run, g -> {
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
            g.writeStringField("agentId", RunFrames.AGENT_ID);
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

    private void start(Run run, long startedAt) {
        frames.lifecycle(run, run.nextSeq(), Envelope.SESSION_FIRST, g -> {
            g.writeStringField("phase", "start");
            g.writeNumberField("startedAt", startedAt);
        });
        frames.status(run, "starting_model");
    }

    private void item(Run run, String phase, String status, long startedAt) {
        frames.agent(run, run.nextSeq(), "item", Envelope.STREAM_FIRST, g -> {
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
}
