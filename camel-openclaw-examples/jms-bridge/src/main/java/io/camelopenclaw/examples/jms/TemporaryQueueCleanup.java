package io.camelopenclaw.examples.jms;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.PostQueueDeletionCallback;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerQueuePlugin;

/**
 * Knows which temporary queues a broker still has to delete: a queue counts from its creation until the broker has
 * finished deleting it, address and journal record included. The broker deletes the temporary queues of a client that
 * has gone in the background, and removes the queue and its address from view before it writes their removal to the
 * journal, so only the deletion callback says that the work is done.
 */
final class TemporaryQueueCleanup implements ActiveMQServerQueuePlugin, PostQueueDeletionCallback {

    private final Set<SimpleString> pending = ConcurrentHashMap.newKeySet();

    @Override
    public void afterCreateQueue(Queue queue) {
        if (queue.isTemporary()) {
            pending.add(queue.getName());
        }
    }

    @Override
    public void callback(SimpleString address, SimpleString queueName) {
        pending.remove(queueName);
    }

    /** Whether every temporary queue created so far has been deleted completely. */
    boolean done() {
        return pending.isEmpty();
    }
}
