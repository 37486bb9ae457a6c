package io.camelopenclaw.client.run;

import java.util.concurrent.CompletableFuture;

import io.camelopenclaw.client.error.GatewayException;

/**
 * A started agent run. {@link #result()} completes once, on the client's event thread, with the aggregated
 * {@link AgentRunResult} for {@code ok}/{@code silent}, or exceptionally with an
 * {@link AgentRunException} subtype for {@code error}, {@code aborted} and
 * {@code timeout} (or another {@link GatewayException} when the run could not start).
 */
public final class AgentRun {

    private final RunState state;
    private final RunTracker tracker;

    AgentRun(RunState state, RunTracker tracker) {
        this.state = state;
        this.tracker = tracker;
    }

    /** The run id, which is the idempotency key sent to the gateway. */
    public String runId() {
        return state.runId;
    }

    /** The request that started the run. */
    public AgentRunRequest request() {
        return state.request;
    }

    /** The outcome; see the class description. Callbacks run on the client's event thread: do not block in them. */
    public CompletableFuture<AgentRunResult> result() {
        return state.result;
    }

    /**
     * Aborts the run on the gateway ({@code chat.abort}, falling back to {@code sessions.abort}) and completes once the
     * run has ended (with the aborted outcome, or whatever outcome it reached first).
     */
    public CompletableFuture<Void> abort() {
        return tracker.abort(state);
    }

    @Override
    public String toString() {
        return "AgentRun[" + state.runId + "]";
    }
}
