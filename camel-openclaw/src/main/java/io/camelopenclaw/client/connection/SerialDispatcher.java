package io.camelopenclaw.client.connection;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs submitted tasks in submission order: the client's event thread. The socket reader only decodes
 * frames and hands them here, so a slow listener never blocks the reader. Droppable tasks (broadcast events for
 * listeners) are refused once {@code capacity} of them are waiting; essential tasks (responses, connection changes,
 * events of this client's runs) are always accepted.
 */
public final class SerialDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDispatcher.class);

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger droppableWaiting = new AtomicInteger();
    private final int capacity;
    private volatile boolean running = true;
    private final Thread thread;

    public SerialDispatcher(String name, int capacity) {
        this.capacity = capacity;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an essential task. */
    public void execute(Runnable task) {
        if (running) {
            queue.add(task);
        }
    }

    /**
     * Runs an essential task at once when called on this dispatcher's thread (ahead of the tasks queued), else queues
     * it.
     */
    public void runHereOrExecute(Runnable task) {
        if (isCurrentThread()) {
            task.run();
        } else {
            execute(task);
        }
    }

    /** Whether the calling thread is this dispatcher's. */
    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    /** How many droppable tasks may wait. */
    int capacity() {
        return capacity;
    }

    /**
     * A droppable task that holds one of the {@code capacity} places until it has run, to be queued (alone or in a
     * batch); {@code null} when every place is taken or the dispatcher is shut down.
     */
    Runnable admitDroppable(Runnable task) {
        if (!running) {
            return null;
        }
        if (droppableWaiting.incrementAndGet() > capacity) {
            droppableWaiting.decrementAndGet();
            return null;
        }
        return () -> {
            droppableWaiting.decrementAndGet();
            task.run();
        };
    }

    /** Runs the tasks already queued, then stops the thread. */
    public void shutdown() {
        execute(() -> running = false);
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                Runnable task = queue.take();
                task.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.warn("Gateway client event task failed", e);
            }
        }
    }
}
