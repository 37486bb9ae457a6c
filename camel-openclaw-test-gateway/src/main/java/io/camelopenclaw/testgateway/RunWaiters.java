package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pending {@code agent.wait} requests of the run engine, by run id: each is answered once, with the run's result
 * when it settles or with the expiry answer when its timeout passes first. Used on the engine thread only.
 */
final class RunWaiters {

    /** A pending {@code agent.wait}. */
    private static final class Waiter {
        final ClientConnection connection;
        final String requestId;
        ScheduledFuture<?> timer;

        Waiter(ClientConnection connection, String requestId) {
            this.connection = connection;
            this.requestId = requestId;
        }
    }

    private final Map<String, List<Waiter>> waiting = new HashMap<>();
    private final BiFunction<Runnable, Long, ScheduledFuture<?>> scheduler;
    private final Function<String, String> expired;

    /**
     * @param scheduler runs a task on the engine thread after a delay in milliseconds
     * @param expired   the answer to a wait for a run id whose timeout passed
     */
    RunWaiters(BiFunction<Runnable, Long, ScheduledFuture<?>> scheduler, Function<String, String> expired) {
        this.scheduler = scheduler;
        this.expired = expired;
    }

    /** Waits for the run, at most {@code timeoutMs}. */
    void add(ClientConnection connection, String requestId, String runId, long timeoutMs) {
        Waiter waiter = new Waiter(connection, requestId);
        waiter.timer = scheduler.apply(() -> expire(runId, waiter), timeoutMs);
        waiting.computeIfAbsent(runId, id -> new ArrayList<>()).add(waiter);
    }

    /** The run settled: answers its waiters with the result. */
    void answer(String runId, Supplier<String> result) {
        List<Waiter> pending = waiting.remove(runId);
        if (pending != null) {
            String answer = result.get();
            pending.forEach(waiter -> {
                waiter.timer.cancel(false);
                waiter.connection.respond(waiter.requestId, answer);
            });
        }
    }

    /** Forgets every waiter without an answer (the gateway is stopping). */
    void clear() {
        waiting.values().forEach(list -> list.forEach(waiter -> waiter.timer.cancel(false)));
        waiting.clear();
    }

    private void expire(String runId, Waiter waiter) {
        List<Waiter> pending = waiting.get(runId);
        if (pending == null || !pending.remove(waiter)) {
            return;
        }
        if (pending.isEmpty()) {
            waiting.remove(runId);
        }
        waiter.connection.respond(waiter.requestId, expired.apply(runId));
    }
}
