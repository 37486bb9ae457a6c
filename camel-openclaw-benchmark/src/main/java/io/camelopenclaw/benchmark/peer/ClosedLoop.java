package io.camelopenclaw.benchmark.peer;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code total} runs over {@code sessions} sessions as the peer bench's drivers do: session {@code s} runs
 * {@code s, s + C, s + 2C, ...} one after the other, starting each from the completion of the previous one (no thread
 * waits for a run). Records every run's latency and counts the runs that failed or answered something other than
 * {@link PeerWorkload#expectedReply}.
 */
final class ClosedLoop {

    /** Errors printed to stderr at most (like the Node drivers). */
    private static final int PRINTED_ERRORS = 5;

    private final RunStarter starter;
    private final int sessions;
    private final int total;
    private final long[] latencyNanos;
    private final AtomicInteger errors = new AtomicInteger();
    private final CountDownLatch finished;

    ClosedLoop(RunStarter starter, int sessions, int total) {
        if (sessions < 1 || total < 0) {
            throw new IllegalArgumentException(
                    "sessions must be positive and total not negative, got " + sessions + " and " + total);
        }
        this.starter = starter;
        this.sessions = Math.min(sessions, Math.max(total, 1));
        this.total = total;
        this.latencyNanos = new long[total];
        this.finished = new CountDownLatch(this.sessions);
    }

    /** Starts every session and waits until all runs ended; {@code false} when they did not in time. */
    boolean run(long timeout, TimeUnit unit) throws InterruptedException {
        for (int s = 0; s < sessions; s++) {
            next(s, s);
        }
        return finished.await(timeout, unit);
    }

    int errors() {
        return errors.get();
    }

    /** The latencies of all runs in nanoseconds, sorted (0 for a run that did not end). */
    long[] sortedLatencies() {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Starts run {@code run} of {@code session} and the ones after it. Whoever comes second of this loop and the
     * run's completion continues the session, so a run that completes at once loops here instead of recursing.
     */
    private void next(int session, int run) {
        for (int i = run; i < total; i += sessions) {
            int index = i;
            long start = System.nanoTime();
            AtomicBoolean handedOff = new AtomicBoolean();
            CompletableFuture<String> reply;
            try {
                reply = starter.start(session, index);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete((text, error) -> {
                latencyNanos[index] = System.nanoTime() - start;
                check(session, index, text, error);
                if (!handedOff.compareAndSet(false, true)) {
                    next(session, index + sessions);
                }
            });
            if (handedOff.compareAndSet(false, true)) {
                return; // the completion continues the session
            }
        }
        finished.countDown();
    }

    private void check(int session, int run, String text, Throwable error) {
        if (error == null && PeerWorkload.isExpectedReply(session, run, text)) {
            return;
        }
        if (errors.incrementAndGet() <= PRINTED_ERRORS) {
            System.err.println(
                    error != null
                            ? "run " + run + " of session " + session + " failed: " + error
                            : "run " + run + " of session " + session + " answered '" + text + "', expected '"
                                    + PeerWorkload.expectedReply(session, run) + "'");
        }
    }
}
