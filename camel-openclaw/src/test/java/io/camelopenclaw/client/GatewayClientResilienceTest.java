package io.camelopenclaw.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayProtocolException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.AgentRunTimeoutException;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.client.ClientFixture.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayClientResilienceTest {

    private final ClientFixture fx = new ClientFixture();

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    @Test
    void socketDroppedMidRunReconnectsAndReattachesTheRun() throws Exception {
        TestGateway gw = fx.gateway(b -> b.chunkDelay(Duration.ofMillis(30)));
        GatewayClient client = fx.connected(gw);
        gw.faults().dropConnectionsAfterChunks(2);
        AgentRun run = client.startRun(AgentRunRequest.builder("CHUNKS:10 survive the drop")
                .sessionKey("agent:main:drop")
                .runTimeout(Duration.ofSeconds(20))
                .build());
        AgentRunResult r = run.result().get(20, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(r.reattached()).isTrue();
        assertThat(r.text()).isNotBlank();
        assertThat(count(gw, "chat.send")).isEqualTo(1);
        assertThat(fx.statuses).extracting(ConnectionStatus::state).contains(ConnectionState.RECONNECTING);
        assertThat(client.status().state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void runThatCannotBeReattachedFailsWithATypedErrorInsteadOfHanging() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client =
                fx.client(fx.options(gw).reattachTimeout(Duration.ofMillis(500)).build());
        client.connect().get(10, TimeUnit.SECONDS);
        AgentRun run = client.startRun(
                AgentRunRequest.builder("HANG").sessionKey("agent:main:lost").build());
        await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.send") == 1);
        gw.stop();
        gw.restart(); // a restarted gateway has lost the run
        Throwable t = assertThrows(ExecutionException.class, () -> run.result().get(15, TimeUnit.SECONDS))
                .getCause();
        assertThat(t).isInstanceOf(AgentRunTimeoutException.class).hasMessageContaining("not reattached");
    }

    @Test
    void pendingRequestsFailAtOnceWhenTheSocketCloses() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        var wait = client.request("agent.wait", Map.of("runId", "nope", "timeoutMs", 20_000), Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "agent.wait") == 1);
        long t0 = System.nanoTime();
        gw.faults().dropConnections();
        Throwable t = assertThrows(ExecutionException.class, () -> wait.get(5, TimeUnit.SECONDS))
                .getCause();
        assertThat(t).isInstanceOf(GatewayConnectionLostException.class);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(3000);
    }

    @Test
    void requestTimeoutIsTyped() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        var wait = client.request("agent.wait", Map.of("runId", "nope", "timeoutMs", 5_000), Duration.ofMillis(200));
        Throwable t = assertThrows(ExecutionException.class, () -> wait.get(5, TimeUnit.SECONDS))
                .getCause();
        assertThat(t).isInstanceOf(GatewayTimeoutException.class).hasMessageContaining("agent.wait");
    }

    @Test
    void shutdownWithRestartHintReconnectsAfterTheRestart() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        gw.shutdown(300L);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() != ConnectionState.CONNECTED);
        gw.restart();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status().state() == ConnectionState.CONNECTED);
        assertThat(client.request("health", null).get(5, TimeUnit.SECONDS).isObject())
                .isTrue();
    }

    @Test
    void silentGatewayTripsTheTickWatchdogAndTheClientReconnects() throws Exception {
        TestGateway gw = fx.gateway(b -> b.tickInterval(Duration.ofMillis(150)));
        GatewayClient client = fx.connected(gw);
        gw.faults().stopTicking();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx.statuses.stream()
                        .anyMatch(s -> s.state() == ConnectionState.RECONNECTING
                                && s.reason().contains("4000")));
        gw.faults().resumeTicking();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.status().state() == ConnectionState.CONNECTED);
        assertThat(count(gw, "connect")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void malformedFrameIsReportedAndTheConnectionStaysUsable() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        gw.faults().sendMalformedFrame();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx.errors.stream().anyMatch(e -> e instanceof GatewayProtocolException));
        assertThat(client.status().state()).isEqualTo(ConnectionState.CONNECTED);
        AgentRunResult r = client.startRun(AgentRunRequest.builder("still fine")
                        .sessionKey("agent:main:m")
                        .build())
                .result()
                .get(10, TimeUnit.SECONDS);
        assertThat(r.text()).isEqualTo("ECHO: still fine");
    }

    @Test
    void oversizedInboundFrameIsRejectedAndTheClientReconnects() throws Exception {
        TestGateway gw = fx.gateway(b -> b.maxPayload(64 * 1024));
        GatewayClient client = fx.connected(gw);
        gw.faults().sendOversizedFrame(200 * 1024);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx.errors.stream().anyMatch(e -> e instanceof PayloadTooLargeException));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> count(gw, "connect") == 2 && client.status().state() == ConnectionState.CONNECTED);
    }

    @Test
    void sequenceGapIsFlaggedOnTheNextEvent() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        List<GatewayEvent> events = new CopyOnWriteArrayList<>();
        client.addEventListener(events::add);
        client.startRun(AgentRunRequest.builder("first")
                        .sessionKey("agent:main:g")
                        .build())
                .result()
                .get(10, TimeUnit.SECONDS);
        assertThat(events).noneMatch(GatewayEvent::gap);
        gw.faults().skipSeq(3);
        client.startRun(AgentRunRequest.builder("second")
                        .sessionKey("agent:main:g")
                        .build())
                .result()
                .get(10, TimeUnit.SECONDS);
        assertThat(events).filteredOn(GatewayEvent::gap).hasSize(1);
        assertThat(fx.errors).anyMatch(e -> e.getMessage().contains("sequence gap"));
    }

    @Test
    void slowListenerCausesDroppedEventsButOwnRunsComplete() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient other = fx.connected(gw);
        GatewayClient client = fx.client(fx.options(gw).eventQueueCapacity(5).build());
        client.connect().get(10, TimeUnit.SECONDS);
        CountDownLatch release = new CountDownLatch(1);
        List<GatewayEvent> seen = new CopyOnWriteArrayList<>();
        client.addEventListener(e -> {
            if (seen.isEmpty()) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            seen.add(e);
        });
        // another client's runs produce broadcast events this client does not track: droppable
        for (int i = 0; i < 5; i++) {
            other.startRun(AgentRunRequest.builder("CHUNKS:10 noise " + i)
                            .sessionKey("agent:main:noise" + i)
                            .build())
                    .result()
                    .get(10, TimeUnit.SECONDS);
        }
        AgentRun own = client.startRun(AgentRunRequest.builder("CHUNKS:10 mine")
                .sessionKey("agent:main:mine")
                .build());
        release.countDown();
        assertThat(own.result().get(10, TimeUnit.SECONDS).chunkCount()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.stream().anyMatch(GatewayEvent::gap));
    }
}
