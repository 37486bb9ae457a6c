package io.camelopenclaw.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two CamelContexts (the nodes of a cluster) with the same {@code openclaw:events} route under a
 * {@link ClusteredRoutePolicy} over one {@link FileLockClusterService} root: only the leader's route runs; when the
 * leader stops, the other node takes the lock and starts the route; with {@code catchUp} and a shared
 * {@link FileIdempotentRepository} the new leader delivers the runs that ended while nobody led, each once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpenClawClusteredConsumerTest {

    private static final String NAMESPACE = "openclaw-events";
    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    private static TestGateway gw;
    private static Path identityFile;

    @TempDir
    Path shared;

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<CamelContext> contexts = new ArrayList<>();
    private CamelContext app;

    /** One run end a node's route delivered. */
    private record Delivery(String node, String runId, boolean caughtUp) {}

    /** A node: its context and the route policy that knows whether it leads. */
    private record Node(CamelContext context, ClusteredRoutePolicy policy) {

        ServiceStatus routeStatus() {
            return context.getRouteController().getRouteStatus("events");
        }

        boolean consuming() {
            return policy.isLeader()
                    && routeStatus() == ServiceStatus.Started
                    && context
                            .getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class)
                            .connections()
                            .connections()
                            .values()
                            .stream()
                            .anyMatch(c -> c.client().status().state() == ConnectionState.CONNECTED);
        }
    }

    @BeforeAll
    static void startGateway() throws IOException {
        identityFile = Files.createTempDirectory("camel-openclaw-cluster").resolve("device-identity.json");
        gw = OpenClawTestSupport.newGateway();
    }

    @AfterAll
    static void stopGateway() {
        gw.close();
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void exactlyOneNodeConsumesAndTheOtherTakesOverWhenItStops() throws Exception {
        Node a = node("a", "");
        await().atMost(TAKEOVER).until(a::consuming);
        Node b = node("b", "");

        String first = run("cluster-1", "one");
        String second = run("cluster-2", "two");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() >= 2);

        assertThat(deliveries).containsExactly(new Delivery("a", first, false), new Delivery("a", second, false));
        assertThat(b.policy().isLeader()).isFalse();
        assertThat(b.routeStatus()).isNotEqualTo(ServiceStatus.Started);

        a.context().stop();
        await().atMost(TAKEOVER).until(b::consuming);
        String third = run("cluster-1", "three");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() >= 3);

        assertThat(deliveries.get(2)).isEqualTo(new Delivery("b", third, false));
    }

    @Test
    void theNewLeaderCatchesUpOnRunsThatEndedWhileNobodyLedAndDeliversEachOnce() throws Exception {
        String options = "&sessionKey=handover-*&catchUp=true&idempotentRepository=#deliveredRuns";
        Node a = node("a", options);
        await().atMost(TAKEOVER).until(a::consuming);
        String first = run("handover-1", "delivered live by a");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() >= 1);
        a.context().stop();

        String second = run("handover-1", "ended while nobody led");
        String third = run("handover-2", "also ended while nobody led");
        Node b = node("b", options);
        await().atMost(TAKEOVER).until(() -> deliveries.size() >= 3);
        await().atMost(TAKEOVER).until(b::consuming);
        String fourth = run("handover-2", "delivered live by b");
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.size() >= 4);

        assertThat(deliveries.subList(0, 1)).containsExactly(new Delivery("a", first, false));
        assertThat(deliveries.subList(1, 3))
                .containsExactlyInAnyOrder(new Delivery("b", second, true), new Delivery("b", third, true));
        assertThat(deliveries.get(3)).isEqualTo(new Delivery("b", fourth, false));
    }

    /** A node: a context with the events route under a clustered route policy, started. */
    private Node node(String name, String options) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        OpenClawTestSupport.pointAt(context, gw, identityFile);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        context.getRegistry()
                .bind(
                        "deliveredRuns",
                        FileIdempotentRepository.fileIdempotentRepository(
                                shared.resolve("delivered-runs.dat").toFile()));
        ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(context, NAMESPACE);
        policy.setInitialDelay(Duration.ZERO);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("openclaw:events?events=chat&states=final" + options)
                        .routeId("events")
                        .routePolicy(policy)
                        .process(e -> deliveries.add(delivery(name, e)));
            }
        });
        contexts.add(context);
        context.start();
        return new Node(context, policy);
    }

    private static Delivery delivery(String node, Exchange exchange) {
        return new Delivery(
                node,
                exchange.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class),
                exchange.getMessage().getHeader(OpenClawConstants.CATCH_UP, false, Boolean.class));
    }

    /** Runs an agent turn from a context outside the cluster and returns its run id once it has ended. */
    private String run(String session, String text) throws Exception {
        if (app == null) {
            app = new DefaultCamelContext();
            OpenClawTestSupport.pointAt(app, gw, identityFile);
            contexts.add(app);
            app.start();
        }
        Exchange reply = app.createProducerTemplate().request("openclaw:agent", e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });
        assertThat(reply.getException()).isNull();
        return reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
    }
}
