package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayEventListener;

/**
 * Aggregates runs that anyone started — this client, other clients, channels such as Telegram — from the broadcast
 * {@code chat}/{@code agent} events, by the same rules as the client's own runs. A run is registered on its first
 * event and reported once, when its terminal event arrives ({@code ok}, {@code silent}, {@code aborted} or
 * {@code error}); late events of a finished run are ignored, and runs whose end was missed are forgotten after
 * {@code forgetAfter} without events. Feed it from a {@link GatewayEventListener}; not
 * thread-safe, so call it from the client's event thread only.
 */
public final class RunObserver {

    private static final int FINISHED_MEMORY = 10_000;

    private final Predicate<String> sessionFilter;
    private final Consumer<AgentRunResult> onFinished;
    private final long forgetAfterNanos;
    private final Map<String, RunState> runs = new HashMap<>();
    private final Set<String> finished = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_MEMORY;
        }
    });

    /**
     * @param sessionFilter which canonical session keys to watch
     * @param onFinished    receives every finished run, on the calling thread
     * @param forgetAfter   how long a run may go without events before it is dropped unreported
     */
    public RunObserver(Predicate<String> sessionFilter, Consumer<AgentRunResult> onFinished, Duration forgetAfter) {
        this.sessionFilter = sessionFilter;
        this.onFinished = onFinished;
        this.forgetAfterNanos = forgetAfter.toNanos();
    }

    /** Feeds an event; events other than {@code chat} and {@code agent}, or of other sessions, are ignored. */
    public void onEvent(GatewayEvent event) {
        String runId = event.runId();
        if (runId == null
                || !("chat".equals(event.name()) || "agent".equals(event.name()))
                || finished.contains(runId)) {
            return;
        }
        RunState run = runs.get(runId);
        if (run == null) {
            String sessionKey = event.sessionKey();
            if (sessionKey == null || !sessionFilter.test(sessionKey)) {
                return;
            }
            run = new RunState(
                    AgentRunRequest.builder("")
                            .sessionKey(sessionKey)
                            .idempotencyKey(runId)
                            .build(),
                    runId);
            runs.put(runId, run);
        }
        RunOutcome outcome = RunEventApplier.apply(run, event, chunk -> {}).outcome(run);
        if (outcome != null) {
            finish(run, outcome);
        }
    }

    /** Drops runs that have been silent for longer than {@code forgetAfter}; call periodically. */
    public void sweep() {
        long now = System.nanoTime();
        for (RunState run : new ArrayList<>(runs.values())) {
            if (now - run.lastEventNanos > forgetAfterNanos) {
                runs.remove(run.runId);
                finished.add(run.runId);
            }
        }
    }

    /** Number of runs being watched. */
    public int activeRuns() {
        return runs.size();
    }

    private void finish(RunState run, RunOutcome outcome) {
        runs.remove(run.runId);
        finished.add(run.runId);
        onFinished.accept(run.toResult(outcome));
    }
}
