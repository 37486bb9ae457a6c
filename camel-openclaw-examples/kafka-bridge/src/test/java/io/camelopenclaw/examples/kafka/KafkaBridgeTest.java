package io.camelopenclaw.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka bridge end to end: records through a real (embedded, KRaft) Kafka broker, runs on the test gateway.
 * Broker and bridge start once for the class (the broker takes a few seconds); each test uses record keys of its own.
 */
class KafkaBridgeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExampleGateway gateway;
    private static EmbeddedKafka kafka;
    private static CamelContext camel;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        gateway = ExampleGateway.embedded();
        kafka = EmbeddedKafka.start(KafkaBridgeExample.REQUESTS, KafkaBridgeExample.REPLIES, KafkaBridgeExample.AUDIT);
        camel = KafkaBridgeExample.createContext(gateway, kafka);
        camel.start();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        camel.stop();
        kafka.close();
        gateway.close();
    }

    @Test
    void recordKeysAreConversationsAndRepliesAndChatFinalsGoToTheirTopics() throws Exception {
        long aliceFirst = send("alice", "what is Kafka?");
        long bob = send("bob", "and Camel?");
        long aliceSecond = send("alice", "thanks");

        List<ConsumerRecord<String, String>> replies = read(
                KafkaBridgeExample.REPLIES,
                3,
                r -> r.key().equals("alice") || r.key().equals("bob"));
        assertThat(replies)
                .extracting(
                        ConsumerRecord::key,
                        ConsumerRecord::value,
                        r -> header(r, AgentReplies.RUN_ID),
                        r -> header(r, AgentReplies.STATUS))
                .containsExactlyInAnyOrder(
                        tuple("alice", "ECHO: what is Kafka?", runId(aliceFirst), "ok"),
                        tuple("bob", "ECHO: and Camel?", runId(bob), "ok"),
                        tuple("alice", "ECHO: thanks", runId(aliceSecond), "ok"));
        assertThat(replies.stream().filter(r -> r.key().equals("alice")).map(ConsumerRecord::value))
                .containsExactly("ECHO: what is Kafka?", "ECHO: thanks");

        List<ConsumerRecord<String, String>> audit = read(
                KafkaBridgeExample.AUDIT,
                3,
                r -> r.key().equals("agent:main:kafka:alice") || r.key().equals("agent:main:kafka:bob"));
        assertThat(audit)
                .extracting(
                        ConsumerRecord::key,
                        r -> event(r).path("state").asText(),
                        r -> event(r).path("runId").asText())
                .containsExactlyInAnyOrder(
                        tuple("agent:main:kafka:alice", "final", runId(aliceFirst)),
                        tuple("agent:main:kafka:bob", "final", runId(bob)),
                        tuple("agent:main:kafka:alice", "final", runId(aliceSecond)));
        assertThat(gateway.userMessages("agent:main:kafka:alice")).isEqualTo(2);
    }

    @Test
    void aFailedRunIsAnsweredAndAudited() throws Exception {
        long offset = send("carol", "FAIL:context_length");

        ConsumerRecord<String, String> reply = read(
                        KafkaBridgeExample.REPLIES, 1, r -> r.key().equals("carol"))
                .get(0);
        assertThat(reply.value()).startsWith("The agent could not answer (error, context_length): ");
        assertThat(header(reply, AgentReplies.STATUS)).isEqualTo("error");
        assertThat(header(reply, AgentReplies.ERROR_KIND)).isEqualTo("context_length");

        ConsumerRecord<String, String> audit = read(
                        KafkaBridgeExample.AUDIT, 1, r -> r.key().equals("agent:main:kafka:carol"))
                .get(0);
        assertThat(event(audit).path("state").asText()).isEqualTo("error");
        assertThat(event(audit).path("runId").asText()).isEqualTo(runId(offset));
    }

    private static long send(String key, String text) throws Exception {
        return producer.send(new ProducerRecord<>(KafkaBridgeExample.REQUESTS, key, text))
                .get()
                .offset();
    }

    private static String runId(long offset) {
        return "kafka:" + KafkaBridgeExample.REQUESTS + "-0-" + offset;
    }

    /** The first {@code count} records of the topic that match, read by a consumer group of its own. */
    private static List<ConsumerRecord<String, String>> read(
            String topic, int count, Predicate<ConsumerRecord<String, String>> filter) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (matching.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && filter.test(r)) {
                        matching.add(r);
                    }
                });
            }
        }
        assertThat(matching).as("records on " + topic).hasSize(count);
        return matching;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonNode event(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private static Tuple tuple(Object... values) {
        return Tuple.tuple(values);
    }
}
