package io.camelopenclaw.examples.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.examples.support.FreePorts;
import io.camelopenclaw.examples.support.TempDirectory;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker in this JVM, in KRaft mode (one node that is broker and controller, no ZooKeeper): free
 * loopback ports, its log directory formatted in a temporary directory, single-replica internal topics.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    private final TempDirectory data;
    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafka(TempDirectory data, KafkaRaftServer server, String bootstrapServers) {
        this.data = data;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker and creates the given topics (one partition each). */
    public static EmbeddedKafka start(String... topics) throws Exception {
        return start(1, topics);
    }

    /** Starts a broker and creates the given topics with {@code partitions} partitions each. */
    public static EmbeddedKafka start(int partitions, String... topics) throws Exception {
        TempDirectory data = TempDirectory.create("kafka-");
        try {
            String logDir = data.resolve("logs");
            String bootstrapServers = "127.0.0.1:" + FreePorts.next();
            String controller = "127.0.0.1:" + FreePorts.next();
            format(logDir);
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(config(logDir, bootstrapServers, controller)), Time.SYSTEM);
            server.startup();
            EmbeddedKafka kafka = new EmbeddedKafka(data, server, bootstrapServers);
            kafka.createTopics(partitions, topics);
            return kafka;
        } catch (Exception | Error e) {
            data.close();
            throw e;
        }
    }

    /** The {@code bootstrap.servers} of the broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void createTopics(int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> newTopics = Arrays.stream(topics)
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            admin.createTopics(newTopics).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** What {@code kafka-storage.sh format} does: a cluster id and the bootstrap metadata in the log directory. */
    private static void format(String logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(logDir)
                .setDirectories(List.of(logDir))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static Properties config(String logDir, String bootstrapServers, String controller) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + controller);
        config.put("controller.listener.names", CONTROLLER);
        config.put("listeners", "PLAINTEXT://" + bootstrapServers + "," + CONTROLLER + "://" + controller);
        config.put("advertised.listeners", "PLAINTEXT://" + bootstrapServers);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        config.put("log.dirs", logDir);
        config.put("num.partitions", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            data.close();
        }
    }
}
