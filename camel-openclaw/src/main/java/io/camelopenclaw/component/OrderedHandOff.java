package io.camelopenclaw.component;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves work off the gateway client's event thread onto a Camel executor, running the submitted steps one after the
 * other in submission order. A step may complete asynchronously (it returns {@code false} and calls its callback
 * later); the next step starts only after it has. No thread is held while a step waits.
 */
final class OrderedHandOff {

    /** One step; like an {@link AsyncProcessor}: returns {@code true} when done synchronously. */
    @FunctionalInterface
    interface Step {
        boolean run(AsyncCallback done);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrderedHandOff.class);

    private final Executor executor;
    private final Queue<Step> steps = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    OrderedHandOff(Executor executor) {
        this.executor = executor;
    }

    /** Queues a step; safe from any thread. */
    void submit(Step step) {
        steps.add(step);
        if (draining.compareAndSet(false, true)) {
            dispatch();
        }
    }

    private void dispatch() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // the executor is shutting down (the context stops): finish the steps on a thread of their own
            Thread thread = new Thread(this::drain, "OpenClawHandOff");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private boolean runStep(Step step) {
        try {
            return step.run(doneSync -> {
                if (!doneSync) {
                    dispatch();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("OpenClaw hand-off step failed; continuing with the next", e);
            return true;
        }
    }

    private void drain() {
        while (true) {
            Step step = steps.poll();
            if (step == null) {
                draining.set(false);
                if (steps.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (!runStep(step)) {
                return; // resumed by the step's callback
            }
        }
    }
}
