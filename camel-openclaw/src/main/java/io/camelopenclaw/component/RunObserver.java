package io.camelopenclaw.component;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.GatewayEvent;
import io.camelopenclaw.client.GatewayInfo;
import io.camelopenclaw.client.error.AgentRunException;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.client.run.RunTracker;
import io.camelopenclaw.client.run.RunTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates the runs seen in {@code chat}/{@code agent} events, whoever started them, into {@link AgentRunResult}s.
 * It reuses the client's {@link RunTracker} (so observed and own runs are aggregated by the same rules) over a passive
 * transport that never sends anything: a run is registered on its first event and reported once its terminal event
 * arrives. Runs whose end was missed are forgotten after {@link #IDLE_TIMEOUT} without events. Not thread-safe: call
 * from the client's event thread only.
 */
final class RunObserver {

    /** How long an observed run may go without events before it is forgotten. */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final int FINISHED_MEMORY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RunObserver.class);

    private final RunTracker tracker = new RunTracker(new PassiveTransport(), IDLE_TIMEOUT, IDLE_TIMEOUT, IDLE_TIMEOUT);
    private final Set<String> finished = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_MEMORY;
        }
    });
    private final Consumer<AgentRunResult> onFinished;

    /** {@code onFinished} receives every observed run that ended (ok, silent, aborted or error), on the event thread. */
    RunObserver(Consumer<AgentRunResult> onFinished) {
        this.onFinished = onFinished;
    }

    /** Feeds a {@code chat} or {@code agent} event; other events are ignored. */
    void onEvent(GatewayEvent event) {
        String runId = event.runId();
        String sessionKey = event.sessionKey();
        if (runId == null || !("chat".equals(event.name()) || "agent".equals(event.name())) || finished.contains(runId)) {
            return;
        }
        if (!tracker.isTracked(runId)) {
            if (sessionKey == null) {
                return;
            }
            tracker.start(AgentRunRequest.builder("").sessionKey(sessionKey).idempotencyKey(runId)
                    .idleTimeout(IDLE_TIMEOUT).build())
                    .result().whenComplete((result, error) -> ended(runId, result, error));
        }
        tracker.onEvent(event);
    }

    /** Forgets runs that have been silent for longer than the idle timeout; call periodically (e.g. on ticks). */
    void sweep() {
        tracker.sweep();
    }

    private void ended(String runId, AgentRunResult result, Throwable error) {
        finished.add(runId);
        AgentRunResult r = result != null ? result
                : GatewayReplies.unwrap(error) instanceof AgentRunException e ? e.result() : null;
        if (r == null || r.outcome() == RunOutcome.TIMEOUT) {
            LOG.debug("Forgetting observed run {} ({})", runId, error == null ? "no result" : error.getMessage());
            return;
        }
        onFinished.accept(r);
    }

    /** Sends nothing: acknowledges the registration of an observed run, refuses every other request. */
    private static final class PassiveTransport implements RunTransport {
        @Override
        public CompletableFuture<JsonNode> request(String method, ObjectNode params, Duration timeout,
                boolean expectFinal, Consumer<JsonNode> onAccepted) {
            if ("chat.send".equals(method)) {
                ObjectNode ack = JsonNodeFactory.instance.objectNode();
                ack.put("runId", params.path("idempotencyKey").asText());
                ack.put("status", "started");
                return CompletableFuture.completedFuture(ack);
            }
            return CompletableFuture.failedFuture(new GatewayConnectionLostException(1000, "observer sends nothing"));
        }

        @Override
        public GatewayInfo info() {
            return null;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            // the observer never aborts, so nothing is ever scheduled
        }

        @Override
        public void reportError(RuntimeException error) {
            LOG.debug("Observed run aggregation error", error);
        }
    }
}
