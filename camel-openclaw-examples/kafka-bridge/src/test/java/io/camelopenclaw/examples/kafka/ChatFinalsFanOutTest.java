package io.camelopenclaw.examples.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ChatFinalsFanOut} on a real (embedded, KRaft) broker: a clustered publisher node puts every chat final on a
 * three-partition topic keyed by session; two members of one consumer group share the partitions. Every final
 * arrives once, and one session's finals arrive in the order its runs ended.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatFinalsFanOutTest {

    private static final String TOPIC = "openclaw-chat-finals";
    private static final String GROUP = "reply-processors";
    private static final int PARTITIONS = 3;
    private static final List<String> SESSIONS = List.of("fan-a", "fan-b", "fan-c", "fan-d");
    private static final int RUNS_PER_SESSION = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path shared;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();
    private ExampleGateway gateway;
    private EmbeddedKafka kafka;

    /** A final as a member of the group received it. */
    private record Received(String member, String sessionKey, String runId) {}

    @AfterEach
    void stop() {
        for (int i = contexts.size() - 1; i >= 0; i--) { // the members first, the publisher last
            contexts.get(i).stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void everyFinalArrivesOnceAndASessionsFinalsKeepTheirOrder() throws Exception {
        gateway = ExampleGateway.embedded();
        kafka = EmbeddedKafka.start(PARTITIONS, TOPIC);
        CamelContext publisher = publisherNode();
        ClusteredRoutePolicy policy = (ClusteredRoutePolicy)
                publisher.getRoute("openclaw-chat-finals").getRoutePolicyList().get(0);
        member("member-1");
        member("member-2");
        await().atMost(Duration.ofSeconds(60)).until(this::groupSharesAllPartitions);
        await().atMost(Duration.ofSeconds(10)).until(policy::isLeader);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> publisher
                        .getRouteController()
                        .getRouteStatus("openclaw-chat-finals")
                        .isStarted());

        Map<String, List<String>> runs = runInEverySession(publisher.createProducerTemplate());
        int total = SESSIONS.size() * RUNS_PER_SESSION;
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= total);

        assertThat(received).hasSize(total);
        assertThat(received.stream().map(Received::runId))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        runs.values().stream().flatMap(List::stream).toList());
        Map<String, List<String>> arrived = new HashMap<>();
        Map<String, String> memberOfSession = new HashMap<>();
        for (Received r : received) {
            arrived.computeIfAbsent(r.sessionKey(), k -> new ArrayList<>()).add(r.runId());
            memberOfSession.merge(r.sessionKey(), r.member(), (a, b) -> a.equals(b) ? a : "both");
        }
        for (String session : SESSIONS) {
            String key = "agent:main:" + session;
            assertThat(arrived.get(key)).as("finals of %s in order", key).isEqualTo(runs.get(key));
            assertThat(memberOfSession.get(key)).as("one member reads %s", key).isNotEqualTo("both");
        }
        assertThat(received.stream().map(Received::member).distinct()).hasSize(2);
    }

    /** The publisher: one node of a cluster (a file lock) with the clustered events route. */
    private CamelContext publisherNode() throws Exception {
        CamelContext camel = context("publisher");
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("publisher");
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry()
                .bind(
                        ChatFinalsFanOut.DELIVERED_RUNS,
                        FileIdempotentRepository.fileIdempotentRepository(
                                shared.resolve("delivered-runs.dat").toFile()));
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(cluster, "openclaw-events");
        policy.setInitialDelay(Duration.ZERO);
        camel.addRoutes(ChatFinalsFanOut.publisher(TOPIC, policy));
        camel.start();
        return camel;
    }

    /** A member of the consumer group, in a context of its own. */
    private void member(String name) throws Exception {
        CamelContext camel = context(name);
        camel.addRoutes(ChatFinalsFanOut.processors(TOPIC, GROUP, e -> received.add(received(name, e))));
        camel.start();
    }

    private CamelContext context(String name) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        gateway.configure(camel);
        camel.getComponent("kafka", KafkaComponent.class).getConfiguration().setBrokers(kafka.bootstrapServers());
        contexts.add(camel);
        return camel;
    }

    private static Received received(String member, Exchange exchange) throws Exception {
        String runId = JSON.readTree(exchange.getMessage().getBody(String.class))
                .path("runId")
                .asText();
        return new Received(member, exchange.getMessage().getHeader(KafkaConstants.KEY, String.class), runId);
    }

    /** Whether the group is stable with both members holding partitions, all of them assigned. */
    private boolean groupSharesAllPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .get(GROUP);
            List<MemberDescription> members = List.copyOf(group.members());
            int assigned = members.stream()
                    .mapToInt(m -> m.assignment().topicPartitions().size())
                    .sum();
            return members.size() == 2
                    && members.stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty())
                    && assigned == PARTITIONS;
        }
    }

    /** Runs in every session at once, one after another within a session; the run ids per session key, in order. */
    private static Map<String, List<String>> runInEverySession(ProducerTemplate template) throws Exception {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (String session : SESSIONS) {
            List<String> ids = new CopyOnWriteArrayList<>();
            runs.put("agent:main:" + session, ids);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < RUNS_PER_SESSION; i++) {
                    String text = "message " + i + " of " + session;
                    Exchange reply = template.request("openclaw:agent", e -> {
                        e.getMessage().setBody(text);
                        e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
                    });
                    ids.add(reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class));
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        return runs;
    }
}
