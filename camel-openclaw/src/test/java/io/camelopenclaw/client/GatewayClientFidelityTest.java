package io.camelopenclaw.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunFailedException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelopenclaw.client.ClientFixture.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The client against the behaviours recorded on real gateways (the test gateway speaks them by default): silent
 * turns, repeated idempotency keys of finished, aborted and failed runs, resuming after a reconnect, terminal events
 * lost in a gap, the abort fallback and deltas without snapshots. Every exchange of these ends well within its
 * timeouts: a repeated key never waits for a run that is not running.
 */
class GatewayClientFidelityTest {

    /** Far longer than any of these runs take: a result that needs it shows a run that was waited for in vain. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private static final long QUICK_SECONDS = 10;

    private final ClientFixture fx = new ClientFixture();

    @TempDir
    Path identityDir;

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    /** A client signing with a device identity (as the component does by default), connected to {@code gw}. */
    private GatewayClient client(TestGateway gw) throws Exception {
        GatewayClient client = fx.client(fx.options(gw)
                .deviceIdentityStore(DeviceIdentityStore.file(identityDir.resolve(UUID.randomUUID() + ".json")))
                .build());
        client.connect().get(QUICK_SECONDS, TimeUnit.SECONDS);
        return client;
    }

    private static AgentRunRequest.Builder run(String message, String session, String key, RunMethod method) {
        return AgentRunRequest.builder(message)
                .sessionKey(session)
                .idempotencyKey(key)
                .method(method)
                .runTimeout(RUN_TIMEOUT);
    }

    private static AgentRunResult quickly(AgentRun run) throws Exception {
        return run.result().get(QUICK_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable quickFailure(AgentRun run) {
        return assertThrows(ExecutionException.class, () -> run.result().get(QUICK_SECONDS, TimeUnit.SECONDS))
                .getCause();
    }

    @ParameterizedTest
    @CsvSource({"4, CHAT_SEND", "4, AGENT", "3, CHAT_SEND", "3, AGENT"})
    void aSilentTurnEndsSilentNotAbortedNorFailed(int protocol, RunMethod method) throws Exception {
        GatewayClient client = client(fx.gateway(b -> b.protocol(protocol)));

        AgentRunResult result = quickly(
                client.startRun(run("stay SILENT", "quiet", "silent-1", method).build()));

        assertThat(result.outcome()).isEqualTo(RunOutcome.SILENT);
        assertThat(result.text()).isEmpty();
        assertThat(result.errorMessage()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"4, CHAT_SEND", "4, AGENT", "3, CHAT_SEND", "3, AGENT"})
    void aRepeatedKeyOfAFinishedRunReturnsItsResultWithoutASecondRun(int protocol, RunMethod method) throws Exception {
        TestGateway gw = fx.gateway(b -> b.protocol(protocol).settleDelay(Duration.ofMillis(500)));
        GatewayClient client = client(gw);
        AgentRunResult first = quickly(
                client.startRun(run("hello again", "repeat", "key-1", method).build()));

        AgentRunResult again = quickly(
                client.startRun(run("hello again", "repeat", "key-1", method).build()));

        assertThat(first.text()).isEqualTo("ECHO: hello again");
        assertThat(again.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(again.text()).isEqualTo("ECHO: hello again");
        assertThat(assistantReplies(gw, "agent:main:repeat")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aRepeatedKeyOfAnAbortedRunIsAbortedAtOnce(int protocol) throws Exception {
        GatewayClient client = client(fx.gateway(b -> b.protocol(protocol).settleDelay(Duration.ZERO)));
        EventLatch started = started(client, "key-abort");
        AgentRun hanging = client.startRun(
                run("HANG", "stop", "key-abort", RunMethod.CHAT_SEND).build());
        started.await();
        hanging.abort().get(QUICK_SECONDS, TimeUnit.SECONDS);
        assertThat(quickFailure(hanging)).isInstanceOf(AgentRunAbortedException.class);

        Throwable again = quickFailure(client.startRun(
                run("HANG", "stop", "key-abort", RunMethod.CHAT_SEND).build()));

        assertThat(again).isInstanceOf(AgentRunAbortedException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aRepeatedKeyOfAFailedRunFailsTypedAtOnce(int protocol) throws Exception {
        GatewayClient client = client(fx.gateway(b -> b.protocol(protocol).settleDelay(Duration.ZERO)));
        quickFailure(client.startRun(
                run("FAIL:rate_limit", "fail", "key-fail", RunMethod.CHAT_SEND).build()));

        Throwable again = quickFailure(client.startRun(
                run("FAIL:rate_limit", "fail", "key-fail", RunMethod.CHAT_SEND).build()));

        assertThat(again).isInstanceOf(AgentRunFailedException.class).hasMessageContaining("rate limit");
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aReconnectResumesTheRunFromHistoryWithoutLosingOrRepeatingText(int protocol) throws Exception {
        TestGateway gw = fx.gateway(b -> b.protocol(protocol).slowChunkDelay(Duration.ofMillis(20)));
        GatewayClient client = client(gw);
        StringBuilder streamed = new StringBuilder();
        EventLatch fiveDeltas = new EventLatch(client, "key-resume", event -> "delta".equals(event.state()), 5);
        AgentRun run = client.startRun(run("SLOW resume", "resume", "key-resume", RunMethod.CHAT_SEND)
                .chunkListener(chunk -> apply(streamed, chunk))
                .build());
        fiveDeltas.await();

        gw.faults().dropConnections();
        AgentRunResult result = quickly(run);

        String expected = slowEcho();
        assertThat(result.text()).isEqualTo(expected);
        assertThat(streamed).hasToString(expected);
        assertThat(result.reattached()).isTrue();
        assertThat(count(gw, "chat.history")).isGreaterThanOrEqualTo(1);
        assertThat(count(gw, "chat.send")).isEqualTo(1);
    }

    /**
     * The end of a run never arrives. Protocol 4 shows the loss as a gap in the connection's {@code seq} at the next
     * event (here a tick); protocol 3 numbers events globally, so the run is probed once it has been quiet for a tick
     * interval. Either way {@code agent.wait} tells the outcome, long before the run timeout.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void aTerminalEventLostInAGapIsReconciled(int protocol) throws Exception {
        TestGateway gw =
                fx.gateway(b -> b.protocol(protocol).settleDelay(Duration.ZERO).tickInterval(Duration.ofMillis(200)));
        GatewayClient client = client(gw);
        List<GatewayEvent> gaps = new CopyOnWriteArrayList<>();
        client.addEventListener(event -> {
            if (event.gap()) {
                gaps.add(event);
            }
        });
        gw.faults().dropNextRunEnd();

        AgentRunResult result = quickly(client.startRun(
                run("lost end", "gap", "key-gap", RunMethod.CHAT_SEND).build()));

        assertThat(result.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(result.text()).isEqualTo("ECHO: lost end");
        assertThat(result.reattached()).isTrue();
        assertThat(gaps).hasSize(protocol == 4 ? 1 : 0);
        assertThat(count(gw, "agent.wait")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void sessionsAbortIsUsedWhenChatAbortFails() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = client(gw);
        EventLatch started = started(client, "key-fallback");
        AgentRun hanging = client.startRun(
                run("HANG", "fallback", "key-fallback", RunMethod.CHAT_SEND).build());
        started.await();
        gw.faults().failNextRequest("chat.abort");

        hanging.abort().get(QUICK_SECONDS, TimeUnit.SECONDS);

        assertThat(quickFailure(hanging)).isInstanceOf(AgentRunAbortedException.class);
        assertThat(count(gw, "chat.abort")).isEqualTo(1);
        assertThat(count(gw, "sessions.abort")).isEqualTo(1);
    }

    @Test
    void deltasWithoutSnapshotsAggregateFromDeltaTextAndReplace() throws Exception {
        GatewayClient client = client(fx.gateway(b -> b.deltaSnapshotsOnFirstOnly(true)));
        StringBuilder streamed = new StringBuilder();

        AgentRunResult chunks = quickly(client.startRun(run("CHUNKS:12", "snap", "key-chunks", RunMethod.CHAT_SEND)
                .chunkListener(chunk -> apply(streamed, chunk))
                .build()));
        AgentRunResult replaced = quickly(client.startRun(
                run("REPLACE this", "snap", "key-replace", RunMethod.CHAT_SEND).build()));

        assertThat(chunks.text())
                .isEqualTo(streamed.toString())
                .startsWith("part00 part01")
                .endsWith("part11");
        assertThat(replaced.text()).isEqualTo("ECHO: REPLACE this");
    }

    @Test
    void theSameDeviceAbortsItsRunAfterAReconnect() throws Exception {
        TestGateway gw = fx.gateway();
        Path identity = identityDir.resolve("shared.json");
        GatewayClient first = fx.client(fx.options(gw)
                .scopes(List.of("operator.read", "operator.write"))
                .deviceIdentityStore(DeviceIdentityStore.file(identity))
                .build());
        first.connect().get(QUICK_SECONDS, TimeUnit.SECONDS);
        EventLatch started = started(first, "key-owned");
        AgentRun hanging = first.startRun(
                run("HANG", "owned", "key-owned", RunMethod.CHAT_SEND).build());
        started.await();

        gw.faults().dropConnections();
        await().atMost(Duration.ofSeconds(QUICK_SECONDS))
                .until(() -> count(gw, "connect") == 2 && first.status().state() == ConnectionState.CONNECTED);
        hanging.abort().get(QUICK_SECONDS, TimeUnit.SECONDS);

        AgentRunAbortedException aborted = (AgentRunAbortedException) quickFailure(hanging);
        assertThat(aborted.result().stopReason()).isEqualTo("rpc");
    }

    private static void apply(StringBuilder text, RunChunk chunk) {
        if (chunk.kind() != RunChunk.Kind.TEXT) {
            return;
        }
        if (chunk.replace()) {
            text.setLength(0);
        }
        text.append(chunk.text());
    }

    private static long assistantReplies(TestGateway gw, String session) {
        return gw.sessions().history(session).stream()
                .filter(m -> "assistant".equals(m.path("role").asText()))
                .count();
    }

    private static EventLatch started(GatewayClient client, String runId) {
        return new EventLatch(
                client, runId, event -> "agent".equals(event.name()) && "lifecycle".equals(event.stream()), 1);
    }

    /** Counts down on the events of a run that match; registered before the run starts, so none is missed. */
    private static final class EventLatch {
        private final CountDownLatch seen;
        private final Subscription subscription;

        EventLatch(GatewayClient client, String runId, Predicate<GatewayEvent> matches, int count) {
            seen = new CountDownLatch(count);
            subscription = client.addEventListener(event -> {
                if (runId.equals(event.runId()) && matches.test(event)) {
                    seen.countDown();
                }
            });
        }

        void await() throws InterruptedException {
            try {
                assertThat(seen.await(QUICK_SECONDS, TimeUnit.SECONDS))
                        .as("the awaited events")
                        .isTrue();
            } finally {
                subscription.close();
            }
        }
    }

    /** The reply of the {@code SLOW} agent: {@code SLOW-ECHO part00 ... part49.}. */
    private static String slowEcho() {
        StringBuilder text = new StringBuilder("SLOW-ECHO");
        for (int i = 0; i < 50; i++) {
            text.append(String.format(" part%02d", i));
        }
        return text.append('.').toString();
    }
}
