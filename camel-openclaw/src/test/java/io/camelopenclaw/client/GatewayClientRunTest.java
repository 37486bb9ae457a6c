package io.camelopenclaw.client;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunFailedException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.AgentRunTimeoutException;
import io.camelopenclaw.client.run.Attachment;
import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.client.run.RunObserver;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.testgateway.TestGateway;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.camelopenclaw.client.ClientFixture.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GatewayClientRunTest {

    private final ClientFixture fx = new ClientFixture();

    @AfterEach
    void close() throws Exception {
        fx.close();
    }

    private static AgentRunResult await(AgentRun run) throws Exception {
        return run.result().get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(AgentRun run) {
        return assertThrows(ExecutionException.class, () -> run.result().get(20, TimeUnit.SECONDS))
                .getCause();
    }

    /**
     * Thousands of runs at once on one connection: the gateway sends each run's frames in one write and the client
     * reads them across socket reads of any size; every run must end complete, with no sequence gap on the way.
     */
    @Test
    void manyConcurrentRunsOnOneConnectionArriveWholeAndInOrder() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        List<GatewayEvent> gaps = new CopyOnWriteArrayList<>();
        List<GatewayException> errors = new CopyOnWriteArrayList<>();
        client.addEventListener(event -> {
            if (event.gap()) {
                gaps.add(event);
            }
        });
        client.addConnectionListener(new ConnectionListener() {
            @Override
            public void onError(GatewayException error) {
                errors.add(error);
            }
        });
        List<AgentRun> runs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            runs.add(client.startRun(AgentRunRequest.builder("load CHUNKS:10")
                    .sessionKey("load-" + i % 200)
                    .build()));
        }
        String expected = "part00 part01 part02 part03 part04 part05 part06 part07 part08 part09";
        for (AgentRun run : runs) {
            assertThat(await(run).text()).isEqualTo(expected);
        }
        assertThat(gaps).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void chatSendRunIsAggregatedFromTheStream() throws Exception {
        TestGateway gw = fx.gateway(b -> b.chunkDelay(Duration.ofMillis(5)));
        GatewayClient client = fx.connected(gw);
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRun run = client.startRun(AgentRunRequest.builder("hello camel")
                .sessionKey("My-Integration:Ticket-1")
                .chunkListener(chunks::add)
                .build());
        AgentRunResult r = await(run);
        assertThat(r.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(r.text()).isEqualTo("ECHO: hello camel");
        assertThat(r.runId()).isEqualTo(run.runId());
        assertThat(r.sessionKey()).isEqualTo("agent:main:my-integration:ticket-1");
        assertThat(r.stopReason()).isEqualTo("stop");
        assertThat(r.model()).isNotNull();
        assertThat(r.provider()).isNotNull();
        assertThat(r.usage().outputTokens()).isNotNull();
        assertThat(r.chunkCount()).isEqualTo(chunks.size()).isGreaterThan(1);
        StringBuilder streamed = new StringBuilder();
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).index()).isEqualTo(i);
            streamed.append(chunks.get(i).text());
        }
        assertThat(streamed.toString()).isEqualTo(r.text());
        var send = gw.receivedRequests().stream()
                .filter(q -> "chat.send".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(send.params().path("idempotencyKey").asText()).isEqualTo(run.runId());
        assertThat(send.params().has("suppressCommandInterpretation")).isFalse(); // needs operator.admin
        assertThat(client.activeRuns()).isZero();
    }

    @Test
    void slashCommandsAreSuppressedWithAdminAndRefusedWithout() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient plain = fx.connected(gw);
        Throwable refused = failure(plain.startRun(AgentRunRequest.builder("  /reset everything")
                .sessionKey("agent:main:cmd")
                .build()));
        assertThat(refused).hasMessageContaining("COMMAND_NOT_SUPPRESSED");
        assertThat(count(gw, "chat.send")).isZero();

        GatewayClient admin = fx.client(fx.options(gw)
                .scopes(List.of("operator.read", "operator.write", "operator.admin"))
                .build());
        admin.connect().get(10, TimeUnit.SECONDS);
        await(admin.startRun(AgentRunRequest.builder("/reset please")
                .sessionKey("agent:main:cmd")
                .build()));
        var send = gw.receivedRequests().stream()
                .filter(q -> "chat.send".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(send.params().path("suppressCommandInterpretation").asBoolean())
                .isTrue();

        await(plain.startRun(AgentRunRequest.builder("/status")
                .sessionKey("agent:main:cmd")
                .suppressCommandInterpretation(false)
                .build()));
        assertThat(count(gw, "chat.send")).isEqualTo(2);
    }

    @Test
    void agentMethodCompletesOnTheFinalAnswerWithUsage() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        AgentRunResult r = await(client.startRun(AgentRunRequest.builder("hello via agent")
                .sessionKey("agent:main:a1")
                .method(RunMethod.AGENT)
                .extraSystemPrompt("be brief")
                .build()));
        assertThat(r.outcome()).isEqualTo(RunOutcome.OK);
        assertThat(r.text()).isEqualTo("ECHO: hello via agent");
        assertThat(r.usage().inputTokens()).isNotNull();
        assertThat(r.usage().effectiveTotalTokens()).isNotNull();
        var agent = gw.receivedRequests().stream()
                .filter(q -> "agent".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(agent.params().path("extraSystemPrompt").asText()).isEqualTo("be brief");
    }

    @Test
    void protocol3CumulativeDeltasAreDiffed() throws Exception {
        TestGateway gw = fx.gateway(b -> b.protocol(3).chunkDelay(Duration.ofMillis(5)));
        GatewayClient client = fx.client(fx.options(gw)
                .deviceIdentityStore(
                        DeviceIdentityStore.file(Files.createTempDirectory("oc").resolve("id.json")))
                .build());
        client.connect().get(10, TimeUnit.SECONDS);
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRunResult r = await(client.startRun(AgentRunRequest.builder("hello old gateway")
                .sessionKey("agent:main:v3")
                .chunkListener(chunks::add)
                .build()));
        assertThat(r.text()).isEqualTo("ECHO: hello old gateway");
        assertThat(String.join("", chunks.stream().map(RunChunk::text).toList()))
                .isEqualTo(r.text());
        var send = gw.receivedRequests().stream()
                .filter(q -> "chat.send".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(send.params().has("suppressCommandInterpretation")).isFalse();
    }

    @Test
    void silentFinalIsAValidOutcome() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        AgentRunResult r = await(client.startRun(AgentRunRequest.builder("SILENT please")
                .sessionKey("agent:main:s")
                .build()));
        assertThat(r.outcome()).isEqualTo(RunOutcome.SILENT);
        assertThat(r.text()).isEmpty();
    }

    @Test
    void modelErrorCarriesTheErrorKind() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        AgentRun run = client.startRun(AgentRunRequest.builder("FAIL:rate_limit")
                .sessionKey("agent:main:e")
                .build());
        Throwable t = failure(run);
        assertThat(t).isInstanceOf(AgentRunFailedException.class).hasMessageContaining("rate_limit");
        assertThat(((AgentRunFailedException) t).result().errorKind()).isEqualTo("rate_limit");
        assertThat(((AgentRunFailedException) t).result().outcome()).isEqualTo(RunOutcome.ERROR);
    }

    @Test
    void abortStopsTheRunMidStreamAndKeepsThePartialText() throws Exception {
        TestGateway gw = fx.gateway(b -> b.slowChunkDelay(Duration.ofMillis(50)));
        GatewayClient client = fx.connected(gw);
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRun run = client.startRun(AgentRunRequest.builder("please answer SLOW")
                .sessionKey("agent:main:abort")
                .chunkListener(chunks::add)
                .build());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> chunks.size() >= 3);
        run.abort().get(10, TimeUnit.SECONDS);
        Throwable t = failure(run);
        assertThat(t).isInstanceOf(AgentRunAbortedException.class);
        AgentRunResult partial = ((AgentRunAbortedException) t).result();
        assertThat(partial.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(partial.text()).startsWith("SLOW-ECHO part00");
        assertThat(partial.text()).doesNotContain("part49");
        var abort = gw.receivedRequests().stream()
                .filter(q -> "chat.abort".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(abort.params().path("runId").asText()).isEqualTo(run.runId());
        assertThat(abort.params().path("sessionKey").asText()).isEqualTo("agent:main:abort");
    }

    @Test
    void runTimeoutAbortsTheRunOnTheGateway() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        AgentRun run = client.startRun(AgentRunRequest.builder("HANG forever")
                .sessionKey("agent:main:hang")
                .runTimeout(Duration.ofMillis(400))
                .build());
        Throwable t = failure(run);
        assertThat(t).isInstanceOf(AgentRunTimeoutException.class).hasMessageContaining("run timeout");
        assertThat(((AgentRunTimeoutException) t).result().outcome()).isEqualTo(RunOutcome.TIMEOUT);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.abort") == 1);
    }

    @Test
    void idleTimeoutFiresWhenTheRunGoesQuiet() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        AgentRun run = client.startRun(AgentRunRequest.builder("HANG quietly")
                .sessionKey("agent:main:idle")
                .idleTimeout(Duration.ofMillis(300))
                .runTimeout(Duration.ofSeconds(30))
                .build());
        assertThat(failure(run)).isInstanceOf(AgentRunTimeoutException.class).hasMessageContaining("idle");
    }

    @Test
    void toolCallsAndThinkingAreCollected() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client =
                fx.client(fx.options(gw).caps(List.of("tool-events")).build());
        client.connect().get(10, TimeUnit.SECONDS);
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRunResult r = await(client.startRun(AgentRunRequest.builder("TOOLCALL then THINK")
                .sessionKey("agent:main:t")
                .chunkListener(chunks::add)
                .build()));
        assertThat(r.toolCalls()).hasSize(1);
        var call = r.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("ls");
        assertThat(call.argsJson()).contains("\"path\"");
        assertThat(call.isError()).isFalse();
        assertThat(call.status()).isEqualTo("completed");
        assertThat(call.resultText()).isNotBlank();
        assertThat(r.text()).startsWith("TOOL RESULT SEEN");
        assertThat(r.thinking()).isNotBlank();
        assertThat(chunks)
                .extracting(RunChunk::kind)
                .contains(
                        RunChunk.Kind.TOOL_START,
                        RunChunk.Kind.TOOL_RESULT,
                        RunChunk.Kind.THINKING,
                        RunChunk.Kind.TEXT);
        int start = indexOf(chunks, RunChunk.Kind.TOOL_START);
        assertThat(indexOf(chunks, RunChunk.Kind.TOOL_RESULT)).isGreaterThan(start);
    }

    private static int indexOf(List<RunChunk> chunks, RunChunk.Kind kind) {
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void replaceDeltasRewriteTheText() throws Exception {
        GatewayClient client = fx.connected(fx.gateway());
        List<RunChunk> chunks = new CopyOnWriteArrayList<>();
        AgentRunResult r = await(client.startRun(AgentRunRequest.builder("REPLACE it")
                .sessionKey("agent:main:r")
                .chunkListener(chunks::add)
                .build()));
        assertThat(chunks).anyMatch(RunChunk::replace);
        int lastReplace = 0;
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).replace()) {
                lastReplace = i;
            }
        }
        StringBuilder rebuilt = new StringBuilder();
        chunks.subList(lastReplace, chunks.size()).stream()
                .filter(c -> c.kind() == RunChunk.Kind.TEXT)
                .forEach(c -> rebuilt.append(c.text()));
        assertThat(rebuilt.toString()).isEqualTo(r.text());
    }

    @Test
    void theSameIdempotencyKeyNeverStartsASecondRun() throws Exception {
        TestGateway gw = fx.gateway(b -> b.chunkDelay(Duration.ofMillis(20)));
        GatewayClient client = fx.connected(gw);
        String key = UUID.randomUUID().toString();
        AgentRunRequest req = AgentRunRequest.builder("hello once")
                .sessionKey("agent:main:idem")
                .idempotencyKey(key)
                .build();
        AgentRun a = client.startRun(req);
        AgentRun b = client.startRun(req);
        assertThat(await(a).text()).isEqualTo("ECHO: hello once");
        assertThat(await(b).text()).isEqualTo("ECHO: hello once");
        assertThat(count(gw, "chat.send")).isEqualTo(1);

        AgentRunResult retried = await(client.startRun(req));
        assertThat(retried.text()).isEqualTo("ECHO: hello once");
        assertThat(retried.reattached()).isTrue();
        assertThat(gw.sessions().history("agent:main:idem").stream()
                        .filter(m -> "user".equals(m.path("role").asText())))
                .hasSize(1);
    }

    @Test
    void oversizedAttachmentIsRejectedBeforeSending() throws Exception {
        TestGateway gw = fx.gateway(b -> b.attachmentLimits(1024, 512));
        GatewayClient client = fx.connected(gw);
        AgentRun run = client.startRun(AgentRunRequest.builder("see picture")
                .sessionKey("agent:main:att")
                .attachment(new Attachment("big.png", "image/png", new byte[600]))
                .build());
        Throwable t = failure(run);
        assertThat(t.getCause()).isInstanceOf(PayloadTooLargeException.class);
        assertThat(t).hasMessageContaining("PAYLOAD_TOO_LARGE");
        assertThat(count(gw, "chat.send")).isZero();

        AgentRunResult ok = await(client.startRun(AgentRunRequest.builder("see file")
                .sessionKey("agent:main:att")
                .attachment(new Attachment("a.txt", "text/plain", new byte[600]))
                .build()));
        assertThat(ok.outcome()).isEqualTo(RunOutcome.OK);
        var send = gw.receivedRequests().stream()
                .filter(q -> "chat.send".equals(q.method()))
                .findFirst()
                .orElseThrow();
        assertThat(send.params().path("attachments").get(0).path("mimeType").asText())
                .isEqualTo("text/plain");
    }

    @Test
    void oversizedRequestFrameIsRejectedBeforeSending() throws Exception {
        TestGateway gw = fx.gateway(b -> b.maxPayload(4096));
        GatewayClient client = fx.connected(gw);
        AgentRun run = client.startRun(AgentRunRequest.builder("x".repeat(10_000))
                .sessionKey("agent:main:big")
                .build());
        assertThat(failure(run)).hasMessageContaining("PAYLOAD_TOO_LARGE");
        assertThat(count(gw, "chat.send")).isZero();
    }

    @Test
    void hundredsOfConcurrentRunsShareOneConnectionWithoutThreadsPerRun() throws Exception {
        TestGateway gw = fx.gateway(b -> b.chunkDelay(Duration.ofMillis(2)));
        GatewayClient client = fx.connected(gw);
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<AgentRunResult>> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            results.add(client.startRun(AgentRunRequest.builder("CHUNKS:10 run " + i)
                            .sessionKey("agent:main:c" + i)
                            .build())
                    .result());
        }
        int threadsDuring = Thread.activeCount();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<AgentRunResult> f : results) {
            assertThat(f.get().outcome()).isEqualTo(RunOutcome.OK);
            assertThat(f.get().chunkCount()).isEqualTo(10);
        }
        assertThat(threadsDuring - threadsBefore).isLessThan(5);
        assertThat(gw.connectionCount()).isEqualTo(1);
    }

    @Test
    void observerAggregatesRunsStartedByOtherClients() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient watcher = fx.connected(gw);
        GatewayClient starter = fx.connected(gw);
        List<AgentRunResult> seen = new CopyOnWriteArrayList<>();
        RunObserver observer =
                new RunObserver(key -> key.startsWith("agent:main:watched"), seen::add, Duration.ofMinutes(1));
        watcher.addEventListener(observer::onEvent);
        AgentRunResult own = await(starter.startRun(AgentRunRequest.builder("hello watcher")
                .sessionKey("agent:main:watched-1")
                .build()));
        await(starter.startRun(AgentRunRequest.builder("not watched")
                .sessionKey("agent:main:other")
                .build()));
        AgentRun aborted = starter.startRun(AgentRunRequest.builder("HANG")
                .sessionKey("agent:main:watched-2")
                .build());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.send") == 3);
        aborted.abort().get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(seen.get(0).runId()).isEqualTo(own.runId());
        assertThat(seen.get(0).text()).isEqualTo("ECHO: hello watcher");
        assertThat(seen.get(0).outcome()).isEqualTo(RunOutcome.OK);
        assertThat(seen.get(1).outcome()).isEqualTo(RunOutcome.ABORTED);
        // events arrive in order: a later watched run is reported next, with no late report of the others before it
        AgentRunResult last = await(starter.startRun(AgentRunRequest.builder("last")
                .sessionKey("agent:main:watched-3")
                .build()));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() >= 3);
        assertThat(seen).hasSize(3);
        assertThat(seen.get(2).runId()).isEqualTo(last.runId());
        assertThat(observer.activeRuns()).isZero();
    }

    @Test
    void closingTheClientAbortsItsRunsOnTheGateway() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        AgentRun run = client.startRun(
                AgentRunRequest.builder("HANG").sessionKey("agent:main:closing").build());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.send") == 1);
        client.close();
        assertThat(failure(run)).isInstanceOf(AgentRunAbortedException.class);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.abort") == 1);
    }

    @Test
    void runsFailFastWhileTheConnectionNeedsAnOperator() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.client(fx.options(gw).token("wrong").build());
        assertThrows(ExecutionException.class, () -> client.connect().get(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        Throwable t = failure(client.startRun(
                AgentRunRequest.builder("hi").sessionKey("agent:main:x").build()));
        assertThat(t).hasMessageContaining("AUTH_TOKEN_MISMATCH");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2000);
    }

    @Test
    void unknownSessionsAndRunsGetClearAnswers() throws Exception {
        TestGateway gw = fx.gateway();
        GatewayClient client = fx.connected(gw);
        client.abortRun("no-such-run").get(5, TimeUnit.SECONDS); // nothing in flight here: completes at once
        var idle = client.request("chat.abort", Map.of("sessionKey", "agent:main:nobody-here"))
                .get(5, TimeUnit.SECONDS);
        assertThat(idle.path("aborted").asBoolean()).isFalse();
        assertThat(idle.path("runIds")).isEmpty();

        AgentRun run = client.startRun(
                AgentRunRequest.builder("HANG").sessionKey("agent:main:busy").build());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> count(gw, "chat.send") == 1);
        Throwable mismatch = assertThrows(
                        ExecutionException.class,
                        () -> client.request(
                                        "chat.abort", Map.of("sessionKey", "agent:main:other", "runId", run.runId()))
                                .get(5, TimeUnit.SECONDS))
                .getCause();
        assertThat(mismatch)
                .isInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("INVALID_REQUEST")
                .hasMessageContaining("runId does not match sessionKey");

        var history = client.request("chat.history", Map.of("sessionKey", "agent:main:never-used", "limit", 5))
                .get(5, TimeUnit.SECONDS);
        assertThat(history.path("messages")).isEmpty();
        var wait = client.request("agent.wait", Map.of("runId", "no-such-run", "timeoutMs", 10))
                .get(5, TimeUnit.SECONDS);
        assertThat(wait.path("status").asText()).isEqualTo("timeout");
        run.abort().get(10, TimeUnit.SECONDS);
    }
}
