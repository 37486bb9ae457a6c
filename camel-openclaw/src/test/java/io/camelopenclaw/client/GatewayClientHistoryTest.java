package io.camelopenclaw.client;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.FinishedRun;
import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.testgateway.TestGateway;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link GatewayClient#finishedRuns} and {@link GatewayClient#sessionKeys}: what a session's history shows. */
class GatewayClientHistoryTest {

    private final ClientFixture fx = new ClientFixture();

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static String run(GatewayClient client, String session, String text) throws Exception {
        AgentRun run = client.startRun(
                AgentRunRequest.builder(text).sessionKey(session).build());
        try {
            run.result().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
            // failed and aborted runs end in the history too
        }
        return run.runId();
    }

    @Test
    void finishedRunsAreTheRunsOfTheSessionOldestFirstWithTheirOutcomes() throws Exception {
        TestGateway gw = fx.gateway(b -> b.slowChunkDelay(Duration.ofMillis(50)));
        GatewayClient client = fx.connected(gw);
        String ok = run(client, "history-a", "hello history");
        String failed = run(client, "history-a", "FAIL:billing");
        String silent = run(client, "history-a", "SILENT please");
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRun slow = client.startRun(AgentRunRequest.builder("please answer SLOW")
                .sessionKey("history-a")
                .chunkListener(chunks::add)
                .build());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chunks.size() >= 2);

        List<FinishedRun> inFlight = await(client.finishedRuns("history-a", 50));
        slow.abort().get(10, TimeUnit.SECONDS);
        List<FinishedRun> runs = await(client.finishedRuns("History-A", 50));

        assertThat(inFlight).extracting(FinishedRun::runId).containsExactly(ok, failed);
        assertThat(runs).extracting(FinishedRun::runId).containsExactly(ok, failed, slow.runId());
        assertThat(runs).extracting(FinishedRun::runId).doesNotContain(silent);
        assertThat(runs).extracting(FinishedRun::sessionKey).containsOnly("agent:main:history-a");
        assertThat(runs)
                .extracting(FinishedRun::outcome)
                .containsExactly(RunOutcome.OK, RunOutcome.ERROR, RunOutcome.ABORTED);
        assertThat(runs.get(0).text()).isEqualTo("ECHO: hello history");
        assertThat(runs.get(2).text()).startsWith("SLOW-ECHO part00");
        GatewayEvent end = runs.get(1).asChatEvent(1L);
        assertThat(end.name()).isEqualTo("chat");
        assertThat(end.state()).isEqualTo("error");
        assertThat(end.runId()).isEqualTo(failed);
        assertThat(end.sessionKey()).isEqualTo("agent:main:history-a");
        assertThat(end.connectionSeq()).isNull();
        assertThat(runs.get(2).asChatEvent(1L).state()).isEqualTo("aborted");
        assertThat(runs.get(0)
                        .asChatEvent(1L)
                        .payload()
                        .path("message")
                        .path("content")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("ECHO: hello history");
    }

    @Test
    void sessionKeysListTheGatewaysSessions() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        run(client, "listed-1", "one");
        run(client, "listed-2", "two");

        assertThat(await(client.sessionKeys())).contains("agent:main:listed-1", "agent:main:listed-2");
    }

    @Test
    void sessionKeysReadEveryPageOfAProtocol4Gateway() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        List<CompletableFuture<?>> runs = new ArrayList<>();
        for (int i = 0; i < 205; i++) { // 100 sessions a page: three pages
            runs.add(client.startRun(AgentRunRequest.builder("one of many")
                            .sessionKey("paged-" + i)
                            .build())
                    .result());
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        Thread.sleep(5);
        run(client, "paged-newest", "the most recently updated session");

        List<String> keys = await(client.sessionKeys());

        assertThat(keys).hasSize(206).doesNotHaveDuplicates().startsWith("agent:main:paged-newest");
        assertThat(keys).contains("agent:main:paged-0", "agent:main:paged-100", "agent:main:paged-204");
        JsonNode firstPage = await(client.request("sessions.list", Map.of()));
        assertThat(firstPage.get("sessions")).hasSize(100);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
    }

    @Test
    void aProtocol3GatewaysHistoryHasNoRunIdsAndFinishedRunsSaysSo() throws Exception {
        TestGateway gw = fx.gateway(b -> b.protocol(3));
        GatewayClient client = fx.client(fx.options(gw)
                .deviceIdentityStore(
                        DeviceIdentityStore.file(Files.createTempDirectory("oc").resolve("id.json")))
                .build());
        client.connect().get(10, TimeUnit.SECONDS);
        run(client, "old", "hello old gateway");

        ExecutionException e = assertThrows(ExecutionException.class, () -> await(client.finishedRuns("old", 50)));

        assertThat(e.getCause()).isInstanceOf(GatewayException.class).hasMessageContaining("carry no run ids");
    }
}
