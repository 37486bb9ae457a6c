package io.camelopenclaw.benchmark;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;

/**
 * A closed loop of {@code concurrency} virtual users, each sending one exchange to {@code direct:} at a time and the
 * next one from the completion callback of the previous, so exactly {@code concurrency} runs are in flight and no
 * thread waits for a run. User {@code i} always uses the session key {@code <prefix><i>} (the producer runs one run at
 * a time per session, so users need distinct sessions to run concurrently).
 */
final class ClosedLoad {

    /** Latency samples of one measurement window, in microseconds. */
    static final class Window {
        final int[] micros;
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final long startNanos = System.nanoTime();

        Window(int[] buffer) {
            this.micros = buffer;
        }

        void record(long nanos, boolean ok) {
            completed.incrementAndGet();
            if (!ok) {
                failed.incrementAndGet();
            }
            int i = count.getAndIncrement();
            if (i < micros.length) {
                micros[i] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
            }
        }

        /** Sorted samples (copied). */
        int[] sorted() {
            int[] s = Arrays.copyOf(micros, Math.min(count.get(), micros.length));
            Arrays.sort(s);
            return s;
        }
    }

    private final AsyncProducer producer;
    private final Endpoint endpoint;
    private final int concurrency;
    private final String message;
    private final String sessionPrefix;
    private final int[][] buffers;
    private final AtomicReference<Window> window = new AtomicReference<>();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final AtomicReference<String> sampleReply = new AtomicReference<>();
    private final CountDownLatch stopped;
    private volatile boolean running;
    private int nextBuffer;

    ClosedLoad(AsyncProducer producer, int concurrency, String message, String sessionPrefix, int[][] buffers) {
        this.producer = producer;
        this.endpoint = producer.getEndpoint();
        this.concurrency = concurrency;
        this.message = message;
        this.sessionPrefix = sessionPrefix;
        this.buffers = buffers;
        this.stopped = new CountDownLatch(concurrency);
        this.window.set(new Window(buffers[0]));
    }

    void start() {
        running = true;
        for (int user = 0; user < concurrency; user++) {
            next(sessionPrefix + user);
        }
    }

    /** Starts a new measurement window and returns the one that ended. */
    Window newWindow() {
        nextBuffer = (nextBuffer + 1) % buffers.length;
        return window.getAndSet(new Window(buffers[nextBuffer]));
    }

    /** Lets every user finish its run in flight; returns whether all did in time. */
    boolean stop(long timeoutSeconds) throws InterruptedException {
        running = false;
        return stopped.await(timeoutSeconds, TimeUnit.SECONDS);
    }

    Throwable firstError() {
        return firstError.get();
    }

    String sampleReply() {
        return sampleReply.get();
    }

    /** Sends the user's next exchange, and on (asynchronous) completion the one after; loops on synchronous completion. */
    private void next(String session) {
        while (running) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(message);
            exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            long start = System.nanoTime();
            boolean sync = producer.process(exchange, doneSync -> {
                Throwable error = exchange.getException();
                window.get().record(System.nanoTime() - start, error == null);
                if (error != null) {
                    firstError.compareAndSet(null, error);
                } else if (sampleReply.get() == null) {
                    sampleReply.set(exchange.getMessage().getBody(String.class));
                }
                if (!doneSync) {
                    next(session);
                }
            });
            if (!sync) {
                return;
            }
        }
        stopped.countDown();
    }
}
