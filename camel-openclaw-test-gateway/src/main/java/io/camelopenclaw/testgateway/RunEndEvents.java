package io.camelopenclaw.testgateway;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.testgateway.RunFrames.Envelope;

/**
 * How a run ends on the wire, as recorded: completion (lifecycle end, the held-back chat delta, chat final), a silent
 * turn, a failed model call, an abort and what follows it. A silent turn differs most between the generations:
 * 2026.3.13 ends it like any run with a {@code chat final} without message; 2026.9.6 asks the model once more, then
 * ends with lifecycle {@code error} carrying {@code terminalReply.disposition:"silent"}, followed by {@code chat
 * aborted} ({@code stopReason:"stop"}) and a late {@code chat error} for {@code chat.send}, or {@code chat error} for
 * {@code agent}. Confined to the run engine thread.
 */
final class RunEndEvents {

    static final String ABORT_ERROR = "This operation was aborted";
    /** The error text 2026.9.6 gives a turn that produced no user-visible answer. */
    static final String SILENT_ERROR = "\u26a0\ufe0f Agent couldn't generate a response. Please try again.";

    private final boolean v4;
    private final RunFrames frames;

    RunEndEvents(RunFrames frames) {
        this.v4 = frames.v4();
        this.frames = frames;
    }

    /** The end of a completed run: usage, finishing, lifecycle end, the held-back chat delta, chat final. */
    void finish(Run run) {
        if (v4 && run.script.silent()) {
            silentEnd(run);
            return;
        }
        if (v4) {
            frames.usage(run, run.outputTokens());
            frames.finishing(run, run.endedAt);
            frames.modelPhase(run, run.nextSeq(), null, null);
        }
        int seq = run.nextSeq();
        frames.lifecycle(run, seq, Envelope.TERMINAL, g -> endData(g, run));
        if (run.pendingDelta != null) {
            frames.chatDelta(run, seq, run.pendingDelta, run.pendingReplace);
            run.pendingDelta = null;
        }
        frames.chat(run, seq, "final", g -> {
            if (v4) {
                g.writeStringField("stopReason", "stop");
            }
            if (!run.script.silent()) {
                RunFrames.message(g, run.text());
            }
        });
    }

    /** A failed model call: lifecycle error, then chat error. */
    void fail(Run run) {
        int seq = run.nextSeq();
        frames.lifecycle(run, seq, Envelope.TERMINAL, g -> {
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
        frames.chat(run, seq, "error", g -> {
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
        frames.chat(run, seq, "aborted", g -> {
            g.writeStringField("stopReason", "rpc");
            if (!partial.isEmpty()) {
                RunFrames.message(g, partial);
            }
        });
        if (v4 && started) {
            frames.lifecycle(run, seq, Envelope.SESSION_FIRST, g -> {
                g.writeStringField("phase", "end");
                g.writeStringField("status", "cancelled");
                g.writeBooleanField("aborted", true);
                g.writeStringField("stopReason", "rpc");
                g.writeNumberField("startedAt", run.acceptedAt);
                g.writeNumberField("endedAt", run.endedAt);
            });
            frames.modelPhase(run, run.nextSeq(), RunFrames.PROVIDER, RunFrames.MODEL);
        }
    }

    /** What follows the abort response (protocol 4): model cleared, then the late lifecycle error. */
    void afterAbort(Run run) {
        if (!v4) {
            return;
        }
        frames.modelPhase(run, run.nextSeq(), null, null);
        frames.lifecycle(run, run.nextSeq(), Envelope.TERMINAL, g -> {
            g.writeStringField("phase", "error");
            g.writeNumberField("endedAt", System.currentTimeMillis());
            g.writeNumberField("startedAt", run.startedAt);
            g.writeStringField("error", ABORT_ERROR);
            g.writeBooleanField("aborted", true);
            g.writeStringField("stopReason", "aborted");
            g.writeBooleanField("executionSettled", true);
        });
    }

    /** The end of a silent turn on protocol 4, after the second model call. */
    private void silentEnd(Run run) {
        frames.usage(run, 2);
        frames.finishing(run, run.endedAt);
        frames.modelPhase(run, run.nextSeq(), null, null);
        if (run.chatSend()) {
            frames.lifecycle(run, run.nextSeq(), Envelope.STREAM_THEN_SESSION, g -> {
                g.writeStringField("phase", "fallback_step");
                g.writeStringField("fallbackStepType", "fallback_step");
                g.writeStringField("fallbackStepFromModel", RunFrames.PROVIDER + "/" + RunFrames.MODEL);
                g.writeStringField("fallbackStepFromFailureReason", "format");
                g.writeStringField("fallbackStepFromFailureDetail", SILENT_ERROR);
                g.writeNumberField("fallbackStepChainPosition", 1);
                g.writeStringField("fallbackStepFinalOutcome", "chain_exhausted");
            });
        }
        int seq = run.nextSeq();
        frames.lifecycle(run, seq, Envelope.TERMINAL, g -> silentErrorData(g, run));
        if (run.chatSend()) {
            frames.chat(run, seq, "aborted", g -> g.writeStringField("stopReason", "stop"));
            frames.lateChatError(run, SILENT_ERROR);
        } else {
            frames.chat(run, seq, "error", g -> g.writeStringField("errorMessage", SILENT_ERROR));
        }
    }

    private void silentErrorData(JsonGenerator g, Run run) throws IOException {
        if (run.chatSend()) {
            g.writeStringField("stopReason", "stop");
            g.writeBooleanField("aborted", false);
            g.writeStringField("livenessState", "abandoned");
            g.writeStringField("phase", "error");
            g.writeNumberField("endedAt", run.endedAt);
            g.writeNumberField("startedAt", run.retryStartedAt);
            g.writeStringField("error", SILENT_ERROR);
            terminalReply(g, run);
            terminalReceipt(g, run);
            g.writeBooleanField("replayInvalid", true);
            g.writeBooleanField("executionSettled", true);
        } else {
            g.writeStringField("phase", "error");
            g.writeNumberField("startedAt", run.startedAt);
            g.writeNumberField("endedAt", run.endedAt);
            g.writeBooleanField("aborted", false);
            g.writeBooleanField("replayInvalid", true);
            g.writeStringField("livenessState", "abandoned");
            g.writeStringField("error", SILENT_ERROR);
            g.writeBooleanField("executionSettled", true);
            terminalReceipt(g, run);
            terminalReply(g, run);
        }
    }

    private void endData(JsonGenerator g, Run run) throws IOException {
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
            terminalReply(g, run);
            terminalReceipt(g, run);
            g.writeBooleanField("executionSettled", true);
        } else {
            g.writeStringField("phase", "end");
            g.writeNumberField("startedAt", run.startedAt);
            g.writeNumberField("endedAt", run.endedAt);
            g.writeBooleanField("aborted", false);
            g.writeStringField("stopReason", "stop");
            g.writeStringField("livenessState", "working");
            g.writeBooleanField("executionSettled", true);
            terminalReceipt(g, run);
            terminalReply(g, run);
        }
    }

    /** {@code {disposition, text?}}: {@code silent} without text, or {@code visible} with the reply. */
    private static void terminalReply(JsonGenerator g, Run run) throws IOException {
        g.writeObjectFieldStart("terminalReply");
        g.writeStringField("disposition", run.script.silent() ? "silent" : "visible");
        if (!run.script.silent()) {
            g.writeStringField("text", run.text());
        }
        g.writeEndObject();
    }

    /** The run's terminal receipt: the requested and effective model, tools used, whether the reply was visible. */
    static ObjectNode terminalReceipt(Run run) {
        ObjectNode receipt = Json.object()
                .put("runId", run.runId)
                .put("sessionId", run.session.sessionId())
                .put("turnId", run.runId);
        receipt.putObject("requested").put("provider", RunFrames.PROVIDER).put("model", RunFrames.MODEL);
        receipt.putObject("effective")
                .put("provider", RunFrames.PROVIDER)
                .put("model", RunFrames.MODEL)
                .put("responseModel", RunFrames.MODEL);
        ArrayNode tools = receipt.putArray("successfulToolNames");
        if (run.toolCallId != null) {
            tools.add("ls");
        }
        return receipt.put("rerouted", false)
                .put("terminalDisposition", run.script.silent() ? "not-visible" : "visible");
    }

    private static void terminalReceipt(JsonGenerator g, Run run) throws IOException {
        g.writeFieldName("terminalReceipt");
        g.writeTree(terminalReceipt(run));
    }
}
