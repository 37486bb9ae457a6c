package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.SessionKeys;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Finds out how a run ended when its events cannot tell: after a reconnect, a sequence gap, or when the gateway
 * answers a repeated idempotency key without events ({@code in_flight} of a run that already ended, {@code ok} of a
 * finished one). It asks the way the gateway documents for clients that resume:
 * <ul>
 * <li>{@link #resume}: {@code chat.history} first; a matching {@code inFlightRun} (2026.9.6) is adopted (its buffered
 * text realigns the reply) and the run goes on; rows of the finished run end it; otherwise {@link #reconcile}.</li>
 * <li>{@link #reconcile}: {@code agent.wait}; a terminal status ends the run (a silent disposition as
 * {@code silent}, an abort as {@code aborted}, an error with the gateway's text), the reply text taken from
 * {@code terminalReply} or from {@code chat.history}. A run still going on keeps waiting for its events.</li>
 * </ul>
 * All callbacks run on the client's event thread.
 */
final class RunReconciler {

    /** What the reconciler asks of the tracker. */
    interface Callbacks {
        /** Ends a run with an outcome. */
        void finish(RunState run, RunOutcome outcome);

        /** Hands a chunk to the run's listener. */
        void emit(RunState run, RunChunk chunk);
    }

    private static final int HISTORY_LOOKBACK = 20;

    private final RunTransport transport;
    private final Duration requestTimeout;
    private final Callbacks callbacks;

    RunReconciler(RunTransport transport, Duration requestTimeout, Callbacks callbacks) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.callbacks = callbacks;
    }

    /** After a reconnect: {@code chat.history} (adopt an {@code inFlightRun}, or end from the run's rows). */
    void resume(RunState run) {
        history(
                run,
                res -> {
                    JsonNode inFlight = res.path("inFlightRun");
                    if (run.runId.equals(JsonValues.text(inFlight, "runId"))) {
                        adopt(run, JsonValues.text(inFlight, "text"));
                        return;
                    }
                    HistoryReply reply = HistoryReply.of(res, run.runId, run.request.message());
                    if (reply != null && reply.tagged()) {
                        end(run, reply);
                    } else {
                        reconcile(run, Duration.ofMillis(1));
                    }
                },
                () -> reconcile(run, Duration.ofMillis(1)));
    }

    /**
     * {@code agent.wait} for up to {@code wait}; ends the run if the gateway says it has ended. One wait per run at a
     * time: a run already being reconciled is left to that wait.
     */
    void reconcile(RunState run, Duration wait) {
        if (run.reconciling) {
            return;
        }
        run.reconciling = true;
        ObjectNode params = JsonValues.object();
        params.put("runId", run.runId);
        params.put("timeoutMs", wait.toMillis());
        transport
                .request("agent.wait", params, requestTimeout.plus(wait), false, null)
                .whenComplete((res, error) -> transport.execute(() -> {
                    run.reconciling = false;
                    if (!run.terminal && error == null) {
                        waited(run, res);
                    }
                }));
    }

    private void waited(RunState run, JsonNode res) {
        String status = JsonValues.text(res, "status");
        JsonNode terminalReply = res.path("terminalReply");
        if (res.hasNonNull("stopReason")) {
            run.stopReason = res.get("stopReason").asText();
        }
        if ("silent".equals(JsonValues.text(terminalReply, "disposition"))) {
            run.reattached = true;
            callbacks.finish(run, RunOutcome.SILENT);
        } else if ("ok".equals(status)) {
            run.reattached = true;
            String text = JsonValues.text(terminalReply, "text");
            if (text != null) {
                run.finalText = text;
                callbacks.finish(run, run.successOutcome());
            } else {
                completeFromHistory(run);
            }
        } else if ("error".equals(status) || "timeout".equals(status) && "rpc".equals(run.stopReason)) {
            run.reattached = true;
            boolean aborted = "aborted".equals(JsonValues.text(res, "error")) || "rpc".equals(run.stopReason);
            run.errorMessage = JsonValues.text(res, "error");
            callbacks.finish(run, aborted ? RunOutcome.ABORTED : RunOutcome.ERROR);
        }
    }

    /** The run ended without a text in its wait result: its rows in {@code chat.history} tell the rest. */
    private void completeFromHistory(RunState run) {
        history(
                run,
                res -> {
                    HistoryReply reply = HistoryReply.of(res, run.runId, run.request.message());
                    if (reply != null) {
                        end(run, reply);
                    } else {
                        callbacks.finish(run, run.successOutcome());
                    }
                },
                () -> callbacks.finish(run, run.successOutcome()));
    }

    private void end(RunState run, HistoryReply reply) {
        run.reattached = true;
        if (reply.text() != null) {
            run.finalText = reply.text();
        }
        if (reply.errorMessage() != null) {
            run.errorMessage = reply.errorMessage();
        }
        callbacks.finish(run, reply.outcome() == RunOutcome.OK ? run.successOutcome() : reply.outcome());
    }

    private void adopt(RunState run, String bufferedText) {
        run.reattached = true;
        run.resync = true;
        RunChunk chunk = bufferedText == null ? null : run.adopt(bufferedText, null);
        if (chunk != null) {
            callbacks.emit(run, chunk);
        }
    }

    private void history(RunState run, Consumer<JsonNode> onResult, Runnable onFailure) {
        ObjectNode params = JsonValues.object();
        params.put("sessionKey", SessionKeys.canonical(run.sessionKey, run.request.agentId(), transport.info()));
        params.put("limit", HISTORY_LOOKBACK);
        transport
                .request("chat.history", params, requestTimeout, false, null)
                .whenComplete((res, error) -> transport.execute(() -> {
                    if (run.terminal) {
                        return;
                    }
                    if (error == null) {
                        onResult.accept(res);
                    } else {
                        onFailure.run();
                    }
                }));
    }
}
