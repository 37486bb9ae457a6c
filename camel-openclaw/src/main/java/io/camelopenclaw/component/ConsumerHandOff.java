package io.camelopenclaw.component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's bounded queue between the gateway client's event thread and the consumer's own threads. Offering never
 * blocks: when the queue is full the task is refused (the caller drops it). With one thread, tasks run in order.
 */
final class ConsumerHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerHandOff.class);

    private final BlockingQueue<Runnable> queue;
    private final int threads;
    private ExecutorService pool;

    ConsumerHandOff(int capacity, int threads) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException("queueCapacity and concurrentConsumers must be positive, got "
                                               + capacity + " and " + threads);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.threads = threads;
    }

    void start(ExecutorServiceManager manager, Object source, String name) {
        pool = manager.newFixedThreadPool(source, name, threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(this::work);
        }
    }

    /** Queues a task; {@code false} when the queue is full. Never blocks. */
    boolean offer(Runnable task) {
        return queue.offer(task);
    }

    /** Stops the threads; queued tasks are discarded. */
    void stop(ExecutorServiceManager manager) {
        if (pool != null) {
            manager.shutdownNow(pool);
            pool = null;
        }
        queue.clear();
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Runnable task = queue.take();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("OpenClaw consumer task failed", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
