package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed loop of the events benchmark: {@code streams} runs in flight on the consumer's connection, each making
 * the fake gateway emit {@code eventsPerRun} {@code agent}/{@code chat} events; a run's {@code chat} final (its last
 * event) starts the next run, until a phase's runs are done. Counts the events delivered, the events flagged as
 * following a gap (dropped events), and the runs that could not start.
 */
final class EventStreams {

    /** Starts run {@code run} (a {@code chat.send} on the consumer's connection) without blocking. */
    @FunctionalInterface
    interface RunSender {
        void send(int stream, int run);
    }

    /** What one phase delivered. */
    record Phase(int runs, long expectedEvents, long events, int gaps, int failedRuns) {

        /** Missing or extra events, events after a gap, and runs that did not start. */
        long errors() {
            return Math.abs(expectedEvents - events) + gaps + failedRuns;
        }
    }

    private static final String PROMPT_TAIL = "lorem ipsum dolor sit amet ".repeat(6);

    private final int streams;
    private final int eventsPerRun;
    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger gaps = new AtomicInteger();
    private final AtomicInteger failedRuns = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private RunSender sender;
    private volatile int runs;
    private volatile CountDownLatch ended;

    /**
     * @param streams      runs in flight
     * @param chunks       the fake gateway's CHUNKS: a run emits {@code 2 * chunks + 3} events
     */
    EventStreams(int streams, int chunks) {
        if (streams < 1 || chunks < 1) {
            throw new IllegalArgumentException(
                    "streams and chunks must be positive, got " + streams + " and " + chunks);
        }
        this.streams = streams;
        this.eventsPerRun = 2 * chunks + 3;
    }

    /** The message of run {@code run} on stream {@code stream}; the same text as bench-events-official.mjs. */
    static String message(int stream, int run) {
        return "events bench stream " + stream + ", run " + run + ": " + PROMPT_TAIL;
    }

    static String sessionKey(int stream) {
        return "agent:main:events-" + stream;
    }

    void sendWith(RunSender sender) {
        this.sender = sender;
    }

    /** Runs {@code runs} runs and waits for their last events; null when they did not end in time. */
    Phase run(int runs, long timeout, TimeUnit unit) throws InterruptedException {
        events.set(0);
        gaps.set(0);
        failedRuns.set(0);
        started.set(0);
        this.runs = runs;
        CountDownLatch latch = new CountDownLatch(runs);
        ended = latch;
        for (int i = 0; i < Math.min(streams, runs); i++) {
            startNext();
        }
        if (!latch.await(timeout, unit)) {
            return null;
        }
        return new Phase(
                runs, (long) (runs - failedRuns.get()) * eventsPerRun, events.get(), gaps.get(), failedRuns.get());
    }

    /** One event delivered to the route or listener. */
    void onEvent(String name, String state, boolean gap) {
        if (!"agent".equals(name) && !"chat".equals(name)) {
            return;
        }
        events.incrementAndGet();
        if (gap) {
            gaps.incrementAndGet();
        }
        if ("chat".equals(name) && "final".equals(state)) {
            runEnded();
        }
    }

    /** A run's {@code chat.send} failed: it emits no events. */
    void onRunFailed(Throwable error) {
        if (failedRuns.incrementAndGet() <= 5) {
            System.err.println("chat.send failed: " + error);
        }
        runEnded();
    }

    private void runEnded() {
        CountDownLatch latch = ended;
        if (latch != null) {
            latch.countDown();
            startNext();
        }
    }

    private void startNext() {
        int run = started.getAndIncrement();
        if (run < runs) {
            sender.send(run % streams, run);
        }
    }
}
