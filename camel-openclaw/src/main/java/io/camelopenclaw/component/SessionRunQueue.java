package io.camelopenclaw.component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs the tasks of one session key one at a time, in submission order, without holding a thread while a task is in
 * flight: the next task starts when the previous task's stage completes. Different keys run concurrently.
 */
final class SessionRunQueue {

    private final Map<String, Deque<Supplier<? extends CompletionStage<?>>>> waiting = new HashMap<>();

    /** Starts the task now if its session is idle, else queues it behind the session's running task. */
    void submit(String sessionKey, Supplier<? extends CompletionStage<?>> task) {
        synchronized (this) {
            Deque<Supplier<? extends CompletionStage<?>>> queue = waiting.get(sessionKey);
            if (queue != null) {
                queue.add(task);
                return;
            }
            waiting.put(sessionKey, new ArrayDeque<>());
        }
        runFrom(sessionKey, task);
    }

    /** Whether the session runs no task. */
    synchronized boolean isIdle(String sessionKey) {
        return !waiting.containsKey(sessionKey);
    }

    /** Number of tasks of the session waiting behind its running task. */
    synchronized int queued(String sessionKey) {
        Deque<Supplier<? extends CompletionStage<?>>> queue = waiting.get(sessionKey);
        return queue == null ? 0 : queue.size();
    }

    private void runFrom(String sessionKey, Supplier<? extends CompletionStage<?>> task) {
        while (task != null) {
            CompletableFuture<?> stage = start(task);
            if (!stage.isDone()) {
                stage.whenComplete((r, e) -> runFrom(sessionKey, next(sessionKey)));
                return;
            }
            task = next(sessionKey);
        }
    }

    private static CompletableFuture<?> start(Supplier<? extends CompletionStage<?>> task) {
        try {
            return task.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The session's next task, or {@code null} after marking the session idle. */
    private synchronized Supplier<? extends CompletionStage<?>> next(String sessionKey) {
        Deque<Supplier<? extends CompletionStage<?>>> queue = waiting.get(sessionKey);
        Supplier<? extends CompletionStage<?>> task = queue.poll();
        if (task == null) {
            waiting.remove(sessionKey);
        }
        return task;
    }
}
