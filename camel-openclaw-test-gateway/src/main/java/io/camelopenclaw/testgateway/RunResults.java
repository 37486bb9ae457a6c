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

    /** What a repeated {@code chat.send} with the same key and input gets. */
    static String chatReplay(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        switch (run.status) {
            case OK -> result.put("status", "ok");
            case ABORTED -> result.put("status", "timeout").put("summary", "aborted").put("stopReason", "rpc")
                    .put("endedAt", run.endedAt);
            case ERROR -> result.put("status", "error").put("summary", run.errorMessage);
            default -> result.put("status", "in_flight");
        }
        return Json.write(result);
    }

    /** The first {@code agent} response. */
    String accepted(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        if (v4) {
            result.put("sessionKey", run.session.key).put("agentId", RunEvents.AGENT_ID);
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
            return Json.write(result.put("status", "timeout").put("summary", "aborted").put("stopReason", "rpc"));
        }
        result.put("status", "ok").put("summary", "completed");
        ObjectNode body = result.putObject("result");
        ArrayNode payloads = body.putArray("payloads");
        if (!run.script.silent()) {
            payloads.addObject().put("text", run.text()).putNull("mediaUrl");
        }
        ObjectNode meta = body.putObject("meta").put("durationMs", run.endedAt - run.startedAt);
        ObjectNode agentMeta = meta.putObject("agentMeta").put("sessionId", run.session.sessionId())
                .put("provider", RunEvents.PROVIDER).put("model", RunEvents.MODEL);
        ObjectNode usage = agentMeta.putObject("usage").put("input", run.inputTokens())
                .put("output", run.outputTokens());
        if (v4) {
            usage.put("cacheRead", 0).put("cacheWrite", 0);
        }
        usage.put("total", run.inputTokens() + run.outputTokens());
        meta.put("aborted", false);
        return Json.write(result);
    }

    /** What a repeated {@code agent} gets while the run is live. */
    static String inFlight(Run run) {
        return Json.write(Json.object().put("runId", run.runId).put("status", "in_flight"));
    }

    /** The {@code agent.wait} result of a finished run. */
    String waited(Run run) {
        ObjectNode result = Json.object().put("runId", run.runId);
        switch (run.status) {
            case ERROR -> result.put("status", "error").put("endedAt", run.endedAt).put("error", run.errorMessage);
            case ABORTED -> result.put("status", "timeout").put("endedAt", run.endedAt).put("stopReason", "rpc");
            default -> {
                result.put("status", "ok");
                if (!v4) {
                    return Json.write(result.put("startedAt", run.startedAt).put("endedAt", run.endedAt));
                }
                result.put("endedAt", run.endedAt).put("stopReason", "stop");
                ObjectNode reply = result.putObject("terminalReply")
                        .put("disposition", run.script.silent() ? "silent" : "visible");
                if (!run.script.silent()) {
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
