package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.GatewayPolicy;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the gateway's streamed {@code chat}/{@code agent} events into run results. Every run is registered before its
 * start request is written, events are correlated by run id, and the first terminal event wins. Runs survive
 * reconnects: after a reconnect they are re-sent (when unacknowledged, with the same idempotency key) or probed with
 * {@code agent.wait}, and fail only when they show no sign of life within the reattach timeout. All state changes run
 * on the client's event thread; no thread is used per run.
 */
public final class RunTracker {

    private static final Logger LOG = LoggerFactory.getLogger(RunTracker.class);
    private static final Duration AT_ONCE = Duration.ofMillis(1);

    private final RunTransport transport;
    private final Duration requestTimeout;
    private final Duration reattachTimeout;
    private final Duration abortWaitTimeout;
    private final Map<String, RunState> runs = new ConcurrentHashMap<>();
    private final RunReconciler reconciler;

    public RunTracker(
            RunTransport transport, Duration requestTimeout, Duration reattachTimeout, Duration abortWaitTimeout) {
        this.transport = transport;
        this.requestTimeout = requestTimeout;
        this.reattachTimeout = reattachTimeout;
        this.abortWaitTimeout = abortWaitTimeout;
        this.reconciler = new RunReconciler(transport, requestTimeout, new RunReconciler.Callbacks() {
            @Override
            public void finish(RunState run, RunOutcome outcome) {
                RunTracker.this.finish(run, outcome);
            }

            @Override
            public void emit(RunState run, RunChunk chunk) {
                RunTracker.this.emit(run, chunk);
            }
        });
    }

    /** Whether this run id belongs to a run in flight; safe from any thread. */
    public boolean isTracked(String runId) {
        return runId != null && runs.containsKey(runId);
    }

    /** Number of runs in flight. */
    public int activeRuns() {
        return runs.size();
    }

    /**
     * Registers and starts a run. The run id is the caller's idempotency key, or a fresh UUID. Starting the same key
     * while it is in flight here joins the existing run.
     */
    public AgentRun start(AgentRunRequest request) {
        String runId = request.idempotencyKey() != null
                ? request.idempotencyKey()
                : UUID.randomUUID().toString();
        RunState state = new RunState(request, runId);
        RunState existing = runs.putIfAbsent(runId, state);
        if (existing != null) {
            return new AgentRun(existing, this);
        }
        sendStart(state);
        return new AgentRun(state, this);
    }

    /**
     * Sends the start request once connected: a run waits for a connection at most the request timeout, and then
     * fails with a {@code GatewayTimeoutException} as its cause.
     */
    private void sendStart(RunState run) {
        transport.whenReady(requestTimeout).whenComplete((info, notReady) -> {
            if (notReady != null) {
                transport.execute(() -> startFailed(run, unwrap(notReady)));
            } else {
                sendStart(run, info);
            }
        });
    }

    /** Builds the params for the negotiated protocol and scopes, then sends the start request. */
    private void sendStart(RunState run, GatewayInfo info) {
        ObjectNode params;
        try {
            params = RunParams.build(run.request, run.runId, info);
        } catch (GatewayException e) {
            transport.execute(() -> fail(run, e));
            return;
        }
        boolean agentMethod = run.request.method() == RunMethod.AGENT;
        Duration timeout = agentMethod ? null : requestTimeout;
        transport
                .request(
                        run.request.method().wireName(),
                        params,
                        timeout,
                        agentMethod,
                        accepted -> StartAnswer.acknowledged(run, accepted))
                .whenComplete((payload, error) -> transport.runOnEventThread(() -> {
                    if (error != null) {
                        startFailed(run, unwrap(error));
                    } else if (agentMethod) {
                        if (!run.terminal) {
                            answered(run, StartAnswer.agentFinal(run, payload));
                        }
                    } else {
                        answered(run, StartAnswer.chatSend(run, payload));
                    }
                }));
    }

    private void startFailed(RunState run, Throwable error) {
        if (run.terminal) {
            return;
        }
        if (error instanceof GatewayConnectionLostException) {
            LOG.debug("Run {} lost its connection before completing; it will be reattached", run.runId);
            return;
        }
        fail(run, error instanceof GatewayException ge ? ge : new GatewayException(error.toString(), error));
    }

    /** Does what the answer to the start request says follows. */
    private void answered(RunState run, StartAnswer.Next next) {
        switch (next) {
            case EVENTS -> {
                // the run's events go on
            }
            case RECONCILE_NOW -> reconciler.reconcile(run, AT_ONCE);
            case RECONCILE_WITHIN_RUN_TIME -> reconciler.reconcile(run, remainingRunTime(run));
            case RECONCILE_WITHIN_REATTACH_TIME -> reconciler.reconcile(run, remainingOrReattach(run));
            default -> finish(run, next.outcome(run));
        }
    }

    // ------------------------------------------------------------------ events

    /**
     * Feeds a gateway event; called on the event thread for every event. The first event after missed ones (a
     * connection {@code seq} gap or a dropped event) reconciles every run in flight: any of their terminal events may
     * have been among the missed ones.
     */
    public void onEvent(GatewayEvent event) {
        if (event.gap()) {
            runs.values().forEach(run -> reconciler.reconcile(run, AT_ONCE));
        }
        String runId = event.runId();
        RunState run = runId == null ? null : runs.get(runId);
        if (run == null || run.terminal) {
            return;
        }
        RunOutcome outcome =
                RunEventApplier.apply(run, event, chunk -> emit(run, chunk)).outcome(run);
        if (outcome != null) {
            finish(run, outcome);
        }
    }

    private void emit(RunState run, RunChunk chunk) {
        RunChunkListener listener = run.request.chunkListener();
        if (listener == null) {
            return;
        }
        try {
            listener.onChunk(chunk);
        } catch (RuntimeException e) {
            transport.reportError(e);
        }
    }

    // ------------------------------------------------------------------ connection changes and timers

    /** The connection was lost: runs stay registered, their idle clocks pause. */
    public void onDisconnected() {
        runs.values().forEach(run -> run.detached = true);
    }

    /** A connection (re)opened: re-send unacknowledged runs with their idempotency keys, probe the others. */
    public void onReconnected() {
        long now = System.nanoTime();
        for (RunState run : new ArrayList<>(runs.values())) {
            if (run.terminal) {
                continue;
            }
            run.detached = false;
            run.reattached = true;
            run.lastEventNanos = now;
            run.reattachDeadlineNanos = now + reattachTimeout.toNanos();
            if (!run.acknowledged || run.request.method() == RunMethod.AGENT) {
                sendStart(run); // the gateway de-duplicates by idempotency key: no second run
            } else {
                reconciler.resume(run);
            }
        }
    }

    /**
     * Applies run, idle and reattach timeouts, and probes quiet runs; called periodically on the event thread. A run
     * without an event for a tick interval is reconciled: its end may have been lost where no gap shows it (2026.3.13
     * numbers events globally, so its gaps cannot be told from other clients' events).
     */
    public void sweep() {
        if (runs.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        long quietNanos = quietProbeNanos();
        for (RunState run : new ArrayList<>(runs.values())) {
            if (run.terminal) {
                continue;
            }
            Duration idle = run.request.idleTimeout();
            if (run.deadlineNanos != 0 && now - run.deadlineNanos > 0) {
                timeout(run, "run timeout of " + run.request.runTimeout().toMillis() + " ms exceeded");
            } else if (!run.detached && idle != null && now - run.lastEventNanos > idle.toNanos()) {
                timeout(run, "no event for " + idle.toMillis() + " ms (idle timeout)");
            } else if (!run.detached && run.reattachDeadlineNanos != 0 && now - run.reattachDeadlineNanos > 0) {
                timeout(
                        run,
                        "not reattached within " + reattachTimeout.toMillis() + " ms after the connection was lost");
            } else if (!run.detached
                    && run.acknowledged
                    && now - Math.max(run.lastEventNanos, run.lastProbeNanos) > quietNanos) {
                run.lastProbeNanos = now;
                reconciler.reconcile(run, AT_ONCE);
            }
        }
    }

    private long quietProbeNanos() {
        GatewayInfo info = transport.info();
        long tickMs = info == null
                ? GatewayPolicy.DEFAULT.tickIntervalMs()
                : info.policy().tickIntervalMs();
        return Duration.ofMillis(tickMs).toNanos();
    }

    private void timeout(RunState run, String reason) {
        run.errorMessage = reason;
        finish(run, RunOutcome.TIMEOUT);
        sendAbort(run);
    }

    /** The time left before the run timeout, or the reattach timeout for a run without one. */
    private Duration remainingRunTime(RunState run) {
        return run.deadlineNanos == 0
                ? reattachTimeout
                : Duration.ofNanos(Math.max(AT_ONCE.toNanos(), run.deadlineNanos - System.nanoTime()));
    }

    private Duration remainingOrReattach(RunState run) {
        if (run.deadlineNanos == 0) {
            return reattachTimeout;
        }
        long remaining = (run.deadlineNanos - System.nanoTime()) / 1_000_000;
        return Duration.ofMillis(Math.max(1, Math.min(remaining, reattachTimeout.toMillis())));
    }

    // ------------------------------------------------------------------ abort

    /** Aborts a run; completes when the run has ended. */
    CompletableFuture<Void> abort(RunState run) {
        transport.execute(() -> {
            if (run.terminal || run.abortRequested) {
                return;
            }
            run.abortRequested = true;
            sendAbort(run).whenComplete((r, e) -> scheduleAbortDeadline(run));
        });
        return run.result.handle((r, e) -> null);
    }

    /** Aborts the run of this id if it is in flight here. */
    public CompletableFuture<Void> abort(String runId) {
        RunState run = runs.get(runId);
        return run == null ? CompletableFuture.completedFuture(null) : abort(run);
    }

    /** Aborts every run in flight (the client is closing); each completes with the aborted outcome. */
    public void abortAll(String reason) {
        for (RunState run : new ArrayList<>(runs.values())) {
            run.errorMessage = reason;
            run.abortRequested = true;
            sendAbort(run);
            finish(run, RunOutcome.ABORTED);
        }
    }

    private void scheduleAbortDeadline(RunState run) {
        transport.schedule(
                () -> {
                    if (!run.terminal) {
                        run.errorMessage = "no aborted event within " + abortWaitTimeout.toMillis() + " ms";
                        finish(run, RunOutcome.ABORTED);
                    }
                },
                abortWaitTimeout);
    }

    /** {@code chat.abort {sessionKey, runId}}, falling back to {@code sessions.abort {runId}}. */
    private CompletableFuture<JsonNode> sendAbort(RunState run) {
        if (run.sessionKey == null) {
            return AbortRequests.sessionsAbort(transport, run.runId, requestTimeout)
                    .exceptionally(e -> null);
        }
        return AbortRequests.chatAbort(transport, run.sessionKey, run.runId, requestTimeout)
                .exceptionallyCompose(e -> unwrap(e) instanceof GatewayConnectionLostException
                        ? CompletableFuture.failedFuture(e)
                        : AbortRequests.sessionsAbort(transport, run.runId, requestTimeout))
                .exceptionally(e -> {
                    LOG.debug("Abort of run {} not confirmed: {}", run.runId, e.toString());
                    return null;
                });
    }

    // ------------------------------------------------------------------ completion

    private void finish(RunState run, RunOutcome outcome) {
        if (run.terminal) {
            return;
        }
        run.terminal = true;
        runs.remove(run.runId, run);
        AgentRunResult result = run.toResult(outcome);
        switch (outcome) {
            case OK, SILENT -> run.result.complete(result);
            case ABORTED -> run.result.completeExceptionally(new AgentRunAbortedException(result));
            case ERROR -> run.result.completeExceptionally(new AgentRunFailedException(result));
            case TIMEOUT -> run.result.completeExceptionally(new AgentRunTimeoutException(run.errorMessage, result));
            default -> throw new IllegalStateException(outcome.name());
        }
    }

    private void fail(RunState run, GatewayException cause) {
        if (run.terminal) {
            return;
        }
        run.terminal = true;
        runs.remove(run.runId, run);
        run.errorMessage = cause.getMessage();
        run.result.completeExceptionally(new AgentRunFailedException(run.toResult(RunOutcome.ERROR), cause));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
