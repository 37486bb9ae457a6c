package io.camelopenclaw.component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's bounded queue between the gateway client's event thread and the consumer's own threads. Offering never
 * blocks: when the queue is full the task is refused (the caller drops it). With one thread, tasks run in order.
 * Stopping lets the exchanges being processed finish and discards the queued ones.
 */
final class ConsumerHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerHandOff.class);

    /** How often an idle thread checks whether the consumer stopped. */
    private static final long POLL_MS = 100;

    private final BlockingQueue<Runnable> queue;
    private final int threads;
    private volatile boolean running;
    private ExecutorService pool;

    ConsumerHandOff(int capacity, int threads) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException(
                    "queueCapacity and concurrentConsumers must be positive, got " + capacity + " and " + threads);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.threads = threads;
    }

    void start(ExecutorServiceManager manager, Object source, String name) {
        running = true;
        pool = manager.newFixedThreadPool(source, name, threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(this::work);
        }
    }

    /** Queues a task; {@code false} when the queue is full. Never blocks. */
    boolean offer(Runnable task) {
        return queue.offer(task);
    }

    /** Discards the queued tasks, lets the tasks running now finish, and stops the threads. */
    void stop(ExecutorServiceManager manager) {
        running = false;
        queue.clear();
        for (int i = 0; i < threads; i++) {
            queue.offer(() -> {}); // wakes an idle thread so that it sees it must stop
        }
        if (pool != null) {
            manager.shutdownGraceful(pool);
            pool = null;
        }
    }

    private void work() {
        try {
            while (running) {
                Runnable task = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (task != null) {
                    runSafely(task);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("OpenClaw consumer task failed", e);
        }
    }
}
