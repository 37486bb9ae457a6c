package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back the frames that one run-engine task writes and sends them, per connection, as one buffer when the task
 * ends: the selector then makes one socket write per connection and task (a whole run when chunks have no delay)
 * instead of one per frame. Tasks never wait inside, so holding frames back until the task returns delays nothing.
 */
final class WriteBatch {

    private static final ThreadLocal<WriteBatch> CURRENT = new ThreadLocal<>();

    private final List<ClientConnection> held = new ArrayList<>();

    private WriteBatch() {}

    /** The batch of the task running on this thread, or null when frames should go out at once. */
    static WriteBatch current() {
        return CURRENT.get();
    }

    /** Runs a task with a batch, then flushes every connection the task wrote to. */
    static void run(Runnable task) {
        WriteBatch batch = new WriteBatch();
        CURRENT.set(batch);
        try {
            task.run();
        } finally {
            CURRENT.set(null); // not remove(): the thread's entry stays, so lookups outside a task stay cheap
            batch.held.forEach(ClientConnection::flush);
        }
    }

    /** Remembers that the connection holds frames of this batch. */
    void holding(ClientConnection connection) {
        if (!held.contains(connection)) {
            held.add(connection);
        }
    }
}
