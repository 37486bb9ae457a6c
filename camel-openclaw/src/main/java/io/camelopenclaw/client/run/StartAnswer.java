package io.camelopenclaw.client.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.run.RunEventApplier.Terminal;

/**
 * Reads the gateway's answer to a run's start request into the run's state and says what follows: more events, a
 * reconcile, or the end. {@code chat.send} is answered at once ({@code started}, or for a repeated idempotency key
 * {@code in_flight}, {@code ok}, {@code timeout}, {@code error}); the {@code agent} method answers at the end of the
 * run with its result.
 */
final class StartAnswer {

    /** What the run does next. */
    enum Next {
        /** Its events go on. */
        EVENTS(Terminal.NONE),
        /** A repeated key of a run that has finished: read its outcome at once. */
        RECONCILE_NOW(Terminal.NONE),
        /** A repeated key of a run that may still be going on: wait for its end within the run's time. */
        RECONCILE_WITHIN_RUN_TIME(Terminal.NONE),
        /** A retry joined a run still going on: wait for its end within the run's time, at most the reattach time. */
        RECONCILE_WITHIN_REATTACH_TIME(Terminal.NONE),
        SUCCESS(Terminal.SUCCESS),
        SILENT(Terminal.SILENT),
        ABORTED(Terminal.ABORTED),
        ERROR(Terminal.ERROR);

        private final Terminal end;

        Next(Terminal end) {
            this.end = end;
        }

        /** The run's outcome, or {@code null} when it has not ended. */
        RunOutcome outcome(RunState run) {
            return end.outcome(run);
        }
    }

    private StartAnswer() {}

    /** The gateway took the run: it is acknowledged and may have a canonical session key. */
    static void acknowledged(RunState run, JsonNode ack) {
        run.acknowledged = true;
        String key = JsonValues.text(ack, "sessionKey");
        if (key != null) {
            run.sessionKey = key;
        }
    }

    /**
     * The {@code chat.send} answer. {@code started} and a fresh run go on with events. A repeated key gets no events:
     * {@code ok} (finished before) is reconciled at once; {@code in_flight} may be a run still going on, or (2026.3.13)
     * one that has already ended but not settled, so {@code agent.wait} waits for its end while events, if any, keep
     * aggregating.
     */
    static Next chatSend(RunState run, JsonNode ack) {
        acknowledged(run, ack);
        String status = JsonValues.text(ack, "status");
        if (status == null) {
            return Next.EVENTS;
        }
        switch (status) {
            case "in_flight" -> {
                return Next.RECONCILE_WITHIN_RUN_TIME;
            }
            case "ok" -> {
                return Next.RECONCILE_NOW;
            }
            case "timeout" -> {
                run.stopReason = JsonValues.text(ack, "stopReason");
                return "aborted".equals(JsonValues.text(ack, "summary")) ? Next.ABORTED : Next.ERROR;
            }
            case "error" -> {
                run.errorMessage = JsonValues.text(ack, "summary");
                return Next.ERROR;
            }
            default -> {
                return Next.EVENTS; // started, and statuses to come
            }
        }
    }

    /** The {@code agent} method's final answer: the run's result, model, usage and stop reason. */
    static Next agentFinal(RunState run, JsonNode payload) {
        run.acknowledged = true;
        String status = JsonValues.text(payload, "status");
        JsonNode result = payload.path("result");
        JsonNode meta = result.path("meta");
        JsonNode agentMeta = meta.path("agentMeta");
        run.mergeUsage(agentMeta.get("usage"));
        if (agentMeta.hasNonNull("model")) {
            run.model = agentMeta.get("model").asText();
            run.provider = JsonValues.text(agentMeta, "provider");
        }
        if (meta.hasNonNull("stopReason")) {
            run.stopReason = meta.get("stopReason").asText();
        }
        if (run.silentEnd) {
            return Next.SILENT; // 2026.9.6 answers a silent turn with status error after lifecycle silent
        }
        if ("ok".equals(status)) {
            String text = replyText(result.path("payloads"));
            if (!text.isEmpty()) {
                run.finalText = text;
            }
            return Next.SUCCESS;
        }
        if ("in_flight".equals(status)) {
            return Next.RECONCILE_WITHIN_REATTACH_TIME;
        }
        if ("timeout".equals(status) && "aborted".equals(JsonValues.text(payload, "summary"))) {
            return Next.ABORTED;
        }
        run.errorMessage = JsonValues.text(payload, "summary");
        run.errorKind = "timeout".equals(status) ? "timeout" : run.errorKind;
        return Next.ERROR;
    }

    /** The texts of the result's payloads, status notices left out, separated by blank lines. */
    private static String replyText(JsonNode payloads) {
        StringBuilder text = new StringBuilder();
        payloads.forEach(p -> {
            String t = JsonValues.text(p, "text");
            if (t != null && !Boolean.TRUE.equals(JsonValues.bool(p, "isStatusNotice"))) {
                text.append(text.length() > 0 && !t.isEmpty() ? "\n\n" : "").append(t);
            }
        });
        return text.toString();
    }
}
