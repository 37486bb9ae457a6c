package io.camelopenclaw.examples.jms;

import java.util.concurrent.TimeUnit;

import io.camelopenclaw.examples.support.FreePorts;
import io.camelopenclaw.examples.support.TempDirectory;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Apache Artemis broker in this JVM: a TCP acceptor on a free loopback port, a persistent journal in a
 * temporary directory, no security, undeliverable messages moved to {@code DLQ} after
 * {@value #MAX_DELIVERY_ATTEMPTS} attempts and expired ones (such as requests whose requester gave up) to
 * {@code ExpiryQueue}.
 */
public final class EmbeddedArtemis implements AutoCloseable {

    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    private static final long CLIENTS_GONE_TIMEOUT_MS = 10_000;

    private final TempDirectory data;
    private final EmbeddedActiveMQ server;
    private final String url;
    private final ActiveMQConnectionFactory connectionFactory;
    private final TemporaryQueueCleanup temporaryQueues;

    private EmbeddedArtemis(
            TempDirectory data, EmbeddedActiveMQ server, String url, TemporaryQueueCleanup temporaryQueues) {
        this.data = data;
        this.server = server;
        this.url = url;
        this.temporaryQueues = temporaryQueues;
        this.connectionFactory = new ActiveMQConnectionFactory(url);
    }

    public static EmbeddedArtemis start() throws Exception {
        String url = "tcp://127.0.0.1:" + FreePorts.next();
        TempDirectory data = TempDirectory.create("artemis-");
        try {
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(true)
                    .setJournalType(JournalType.NIO)
                    .setJournalDirectory(data.resolve("journal"))
                    .setBindingsDirectory(data.resolve("bindings"))
                    .setLargeMessagesDirectory(data.resolve("large-messages"))
                    .setPagingDirectory(data.resolve("paging"))
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .addAcceptorConfiguration("tcp", url)
                    .addAddressSetting(
                            "#",
                            new AddressSettings()
                                    .setDeadLetterAddress(SimpleString.of("DLQ"))
                                    .setAutoCreateDeadLetterResources(true)
                                    .setExpiryAddress(SimpleString.of("ExpiryQueue"))
                                    .setAutoCreateExpiryResources(true)
                                    .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS));
            EmbeddedActiveMQ server =
                    new EmbeddedActiveMQ().setConfiguration(configuration).start();
            TemporaryQueueCleanup temporaryQueues = new TemporaryQueueCleanup();
            server.getActiveMQServer().registerBrokerPlugin(temporaryQueues);
            server.getActiveMQServer().registerPostQueueDeletionCallback(temporaryQueues);
            return new EmbeddedArtemis(data, server, url, temporaryQueues);
        } catch (Exception | Error e) {
            data.close();
            throw e;
        }
    }

    /** The broker's address, e.g. {@code tcp://127.0.0.1:61616}. */
    public String url() {
        return url;
    }

    /** A connection factory for the broker (closed with it). */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /**
     * Stops the broker after its clients: the connection factory is closed first, then the broker waits (up to
     * {@value #CLIENTS_GONE_TIMEOUT_MS} ms) until it has seen every client connection go and has finished deleting
     * their temporary queues, which it does in the background; stopping under that cleanup logs a stack trace
     * ({@code AMQ229257: IDGenerator has been stopped}).
     */
    @Override
    public void close() {
        try {
            connectionFactory.close();
            awaitClientsGone();
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not stop cleanly", e);
        } finally {
            data.close();
        }
    }

    private void awaitClientsGone() throws InterruptedException {
        ActiveMQServer broker = broker();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLIENTS_GONE_TIMEOUT_MS);
        while (!clientsGone(broker) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** No connection, no session, and the temporary queues of the last ones deleted to the end. */
    private boolean clientsGone(ActiveMQServer broker) {
        return broker.getConnectionCount() == 0 && broker.getSessions().isEmpty() && temporaryQueues.done();
    }

    /** The running broker (tests watch it work through this). */
    ActiveMQServer broker() {
        return server.getActiveMQServer();
    }
}
