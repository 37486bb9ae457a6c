package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The RPC results that describe a run: acks, idempotent replays, the final {@code agent} result, waits. */
final class RunResults {

    private final boolean v4;

    RunResults(GatewayConfig config) {
        this.v4 = config.v4();
    }

    /** {@code completed}, {@code aborted}, or the error text. */
    static String summary(Run run) {
        return switch (run.status) {
            case ABORTED -> "aborted";
            case ERROR -> run.errorMessage;
            default -> "completed";
        };
    }

    static String started(Run run) {
        return Json.write(Json.object().put("runId", run.runId).put("status", "started"));
    }

    /**
     * What a repeated {@code chat.send} with the same key and input gets: {@code in_flight} while the run is live
     * (or, on 2026.3.13, not settled yet), {@code ok} once completed (2026.3.13 also after an abort), the abort as
     * {@code timeout}/{@code aborted} (2026.9.6). A failed run is replayed as an error; see {@link #chatReplayError}.
     */
    String chatReplay(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        if (!run.settled) {
            return Json.write(result.put("status", "in_flight"));
        }
        switch (run.status) {
            case ABORTED -> {
                if (!v4) {
                    return Json.write(result.put("status", "ok"));
                }
                result.put("status", "timeout")
                        .put("summary", "aborted")
                        .put("stopReason", "rpc")
                        .put("endedAt", run.endedAt);
            }
            case ERROR -> result.put("status", "error").put("summary", run.errorMessage);
            default -> result.put("status", "ok");
        }
        return Json.write(result);
    }

    /** 2026.9.6 replays a failed {@code chat.send} as an {@code UNAVAILABLE} error that carries the payload. */
    GatewayError chatReplayError(Run run) {
        if (!v4 || !run.settled || run.status != Run.Status.ERROR) {
            return null;
        }
        return new GatewayError(GatewayError.UNAVAILABLE, run.errorMessage).payload(chatReplay(run));
    }

    /** The first {@code agent} response. */
    String accepted(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        if (v4) {
            result.put("sessionKey", run.session.key).put("agentId", RunFrames.AGENT_ID);
        }
        return Json.write(result.put("status", "accepted").put("acceptedAt", run.acceptedAt));
    }

    /** The second {@code agent} response; also what a repeated {@code agent} gets once the run is over. */
    String agentFinal(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        if (run.status == Run.Status.ERROR) {
            return Json.write(result.put("status", "error").put("summary", run.errorMessage));
        }
        if (run.status == Run.Status.ABORTED) {
            return Json.write(
                    result.put("status", "timeout").put("summary", "aborted").put("stopReason", "rpc"));
        }
        boolean silentError = v4 && run.script.silent();
        result.put("status", silentError ? "error" : "ok").put("summary", silentError ? "failed" : "completed");
        ObjectNode body = result.putObject("result");
        ArrayNode payloads = body.putArray("payloads");
        if (silentError) {
            payloads.addObject()
                    .put("text", RunEndEvents.SILENT_ERROR)
                    .put("isError", true)
                    .putNull("mediaUrl");
        } else if (!run.script.silent()) {
            payloads.addObject().put("text", run.text()).putNull("mediaUrl");
        }
        ObjectNode meta = body.putObject("meta").put("durationMs", run.endedAt - run.startedAt);
        ObjectNode agentMeta = meta.putObject("agentMeta")
                .put("sessionId", run.session.sessionId())
                .put("provider", RunFrames.PROVIDER)
                .put("model", RunFrames.MODEL);
        ObjectNode usage =
                agentMeta.putObject("usage").put("input", run.inputTokens()).put("output", run.outputTokens());
        if (v4) {
            usage.put("cacheRead", 0).put("cacheWrite", 0);
        }
        usage.put("total", run.inputTokens() + run.outputTokens());
        meta.put("aborted", false);
        if (silentError) {
            meta.put("finalAssistantRawText", "NO_REPLY").put("livenessState", "abandoned");
            meta.putObject("error")
                    .put("kind", "incomplete_turn")
                    .put("message", "Agent couldn't generate a response.");
        }
        return Json.write(result);
    }

    /** What a repeated {@code agent} gets while the run is live. */
    static String inFlight(Run run) {
        return Json.write(Json.object().put("runId", run.runId).put("status", "in_flight"));
    }

    /**
     * The {@code agent.wait} result of a finished run. An aborted run: 2026.3.13 {@code ok}, 2026.9.6 {@code error}
     * {@code "aborted"} with {@code stopReason:"rpc"}. A silent turn on 2026.9.6: {@code error} with
     * {@code terminalReply.disposition:"silent"}.
     */
    String waited(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        if (!v4) {
            if (run.status == Run.Status.ERROR) {
                return Json.write(result.put("status", "error")
                        .put("endedAt", run.endedAt)
                        .put("error", run.errorMessage));
            }
            result.put("status", "ok");
            if (!run.chatSend()) {
                result.put("startedAt", run.startedAt); // the agent job's snapshot; chat.send runs answer from dedupe
            }
            return Json.write(result.put("endedAt", run.endedAt));
        }
        switch (run.status) {
            case ERROR ->
                result.put("status", "error").put("endedAt", run.endedAt).put("error", run.errorMessage);
            case ABORTED ->
                result.put("status", "error")
                        .put("endedAt", run.endedAt)
                        .put("error", "aborted")
                        .put("stopReason", "rpc");
            default -> {
                boolean silent = run.script.silent();
                result.put("status", silent ? "error" : "ok");
                if (silent) {
                    result.put("startedAt", run.retryStartedAt)
                            .put("endedAt", run.endedAt)
                            .put("error", RunEndEvents.SILENT_ERROR)
                            .put("stopReason", "stop")
                            .put("livenessState", "abandoned");
                } else {
                    result.put("endedAt", run.endedAt);
                }
                result.set("terminalReceipt", RunEndEvents.terminalReceipt(run));
                ObjectNode reply = result.putObject("terminalReply").put("disposition", silent ? "silent" : "visible");
                if (!silent) {
                    reply.put("text", run.text());
                }
            }
        }
        return Json.write(result);
    }

    /** The {@code agent.wait} result when the wait ends before the run: unknown, running, or still queued. */
    static String waitExpired(String runId, Run run) {
        ObjectNode result = Json.object().put("runId", runId);
        if (run != null && run.status == Run.Status.QUEUED) {
            return Json.write(result.put("status", "pending").put("timeoutPhase", "queue"));
        }
        return Json.write(result.put("status", "timeout"));
    }
}
