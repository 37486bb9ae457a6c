package io.camelopenclaw.examples.jms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.impl.AddressInfo;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerAddressPlugin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the embedded broker stops: never in the middle of its own cleanup after a client. */
class EmbeddedArtemisTest {

    private static final long SLOW_CLEANUP_MS = 500;

    @Test
    void theBrokerStopsOnlyAfterItHasDeletedAGoneClientsTemporaryQueueToTheEnd() throws Exception {
        List<String> deleted = new CopyOnWriteArrayList<>();
        String temporaryQueue;
        EmbeddedArtemis artemis = EmbeddedArtemis.start();
        try {
            // The broker removes a temporary address from view, then writes its removal to the journal: a stop in
            // between fails that write, and the queue is never reported deleted. Widen the gap so that a stop which
            // only watches what is in view falls into it every time.
            artemis.broker().registerBrokerPlugin(new ActiveMQServerAddressPlugin() {
                @Override
                public void afterRemoveAddress(SimpleString address, AddressInfo info) {
                    if (info.isTemporary()) {
                        sleep(SLOW_CLEANUP_MS);
                    }
                }
            });
            artemis.broker().registerPostQueueDeletionCallback((address, queue) -> deleted.add(queue.toString()));
            try (Connection connection = artemis.connectionFactory().createConnection()) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                temporaryQueue = session.createTemporaryQueue().getQueueName();
            }
        } finally {
            artemis.close();
        }

        assertThat(deleted).contains(temporaryQueue);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
