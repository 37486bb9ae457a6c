package io.camelopenclaw.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunTimeoutException;
import io.camelopenclaw.client.run.ToolCall;
import io.camelopenclaw.testgateway.ReceivedRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How runs flow: streaming, per-session order, concurrency, and what stopping or losing things does to them. */
class OpenClawAgentRunFlowTest extends OpenClawTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream")
                        .to("openclaw:agent?sessionKey=agent:main:stream&streamTo=mock:chunks")
                        .process(e -> e.getMessage()
                                .setHeader(
                                        "chunksSeenAtCompletion",
                                        getMockEndpoint("mock:chunks").getReceivedCounter()));
                from("direct:run").to("openclaw:agent").to("mock:done");
                from("direct:idle")
                        .to("openclaw:agent?sessionKey=agent:main:idle")
                        .process(e -> e.getMessage().setHeader("sessionIdle", isIdle("agent:main:idle")));
                from("direct:no-tool-events")
                        .to("openclaw:agent?sessionKey=agent:main:no-tools&toolEvents=false&streamTo=mock:chunks");
                from("direct:stoppable").routeId("stoppable").to("openclaw:agent?sessionKey=agent:main:stoppable");
                from("direct:short").to("openclaw:agent?sessionKey=agent:main:short&runTimeout=2000");
            }
        };
    }

    private CompletableFuture<Exchange> send(String uri, String session, String text) {
        return template.asyncSend(uri, e -> {
            e.getMessage().setBody(text);
            if (session != null) {
                e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            }
        });
    }

    private int queued(String session) {
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        return component.connections().connections().values().stream()
                .mapToInt(c -> c.sessions().queued(c.sessionQueueKey(session, null)))
                .sum();
    }

    private boolean isIdle(String session) {
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        return component.connections().connections().values().stream()
                .allMatch(c -> c.sessions().isIdle(c.sessionQueueKey(session, null)));
    }

    @Test
    void theSessionIsFreeWhenTheRouteContinuesSoItsNextMessageStartsAtOnce() {
        for (int i = 0; i < 20; i++) {
            Exchange reply = template.request("direct:idle", e -> e.getMessage().setBody("hello"));
            assertThat(reply.getException()).isNull();
            assertThat(reply.getMessage().getHeader("sessionIdle", Boolean.class))
                    .as("run %d", i)
                    .isTrue();
        }
    }

    private static List<String> sentMessages(String session) {
        return requests("chat.send").stream()
                .filter(r -> r.params().path("sessionKey").asText().equals(session))
                .map(r -> r.params().path("message").asText())
                .toList();
    }

    @Test
    void streamToReceivesEveryChunkInOrderBeforeTheResult() throws Exception {
        MockEndpoint chunks = getMockEndpoint("mock:chunks");

        Exchange reply = template.request("direct:stream", e -> e.getMessage().setBody("THINK then TOOLCALL"));

        assertThat(reply.getException()).isNull();
        int count = reply.getMessage().getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class);
        assertThat(reply.getMessage().getHeader("chunksSeenAtCompletion", Integer.class))
                .isEqualTo(count);
        List<Exchange> received = chunks.getExchanges();
        assertThat(received).hasSize(count);
        List<String> kinds = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < received.size(); i++) {
            var m = received.get(i).getMessage();
            assertThat(m.getHeader(OpenClawConstants.CHUNK_INDEX)).isEqualTo(i);
            assertThat(m.getHeader(OpenClawConstants.RUN_ID))
                    .isEqualTo(reply.getMessage().getHeader(OpenClawConstants.RUN_ID));
            assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:stream");
            String kind = m.getHeader(OpenClawConstants.CHUNK_KIND, String.class);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
            if ("text".equals(kind)) {
                text.append(m.getBody(String.class));
            } else if (kind.startsWith("tool")) {
                assertThat(m.getBody()).isInstanceOf(ToolCall.class);
            }
        }
        assertThat(kinds).containsExactly("thinking", "tool_start", "tool_result", "text");
        assertThat(text).hasToString(reply.getMessage().getBody(String.class));
    }

    @Test
    void withoutToolEventsToolCallsComeFromTheActivityStreamOnly() {
        Exchange reply =
                template.request("direct:no-tool-events", e -> e.getMessage().setBody("TOOLCALL"));

        assertThat(reply.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<ToolCall> calls = reply.getProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, List.class);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo("completed");
            assertThat(call.argsJson()).isNull(); // arguments and results come with tool events only
        });
        assertThat(getMockEndpoint("mock:chunks").getExchanges())
                .extracting(e -> e.getMessage().getHeader(OpenClawConstants.CHUNK_KIND))
                .containsOnly("text");
    }

    @Test
    void streamToMarksReplacingChunks() {
        MockEndpoint chunks = getMockEndpoint("mock:chunks");

        Exchange reply = template.request("direct:stream", e -> e.getMessage().setBody("REPLACE me"));

        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: REPLACE me");
        Exchange last = chunks.getExchanges().get(chunks.getExchanges().size() - 1);
        assertThat(last.getMessage().getHeader(OpenClawConstants.CHUNK_REPLACE, Boolean.class))
                .isTrue();
        assertThat(last.getMessage().getBody(String.class)).isEqualTo("ECHO: REPLACE me");
        assertThat(chunks.getExchanges().get(0).getMessage().getHeader(OpenClawConstants.CHUNK_REPLACE, Boolean.class))
                .isFalse();
    }

    @Test
    void runsOfOneSessionGoOneAtATimeInArrivalOrderWhileOtherSessionsProceed() throws Exception {
        String session = "agent:main:serial";
        CompletableFuture<Exchange> first = send("direct:run", session, "HANG serial");
        await().atMost(5, TimeUnit.SECONDS).until(() -> sentMessages(session).contains("HANG serial"));
        CompletableFuture<Exchange> second = send("direct:run", "Serial", "serial second"); // the same session, spelt
        await().atMost(5, TimeUnit.SECONDS).until(() -> queued(session) == 1); // as the gateway canonicalises it
        CompletableFuture<Exchange> third = send("direct:run", session, "serial third");
        await().atMost(5, TimeUnit.SECONDS).until(() -> queued(session) == 2);

        Exchange other = send("direct:run", "agent:main:elsewhere", "meanwhile").get(5, TimeUnit.SECONDS);
        assertThat(other.getMessage().getBody(String.class)).isEqualTo("ECHO: meanwhile");
        assertThat(second).isNotDone();
        assertThat(sentMessages(session)).containsExactly("HANG serial");

        template.send("direct:run", e -> {
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
        });

        assertThat(first.get(5, TimeUnit.SECONDS).getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(second.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class))
                .isEqualTo("ECHO: serial second");
        assertThat(third.get(5, TimeUnit.SECONDS).getMessage().getBody(String.class))
                .isEqualTo("ECHO: serial third");
        assertThat(requests("chat.send").stream()
                        .map(r -> r.params().path("message").asText())
                        .filter(m -> m.contains("serial")))
                .containsExactly("HANG serial", "serial second", "serial third");
        // each exchange continues on a worker as soon as its run has ended: the runs are in order, the continuations
        // of runs that end close together may overtake each other
        List<String> done = getMockEndpoint("mock:done").getExchanges().stream()
                .map(e -> e.getMessage().getBody(String.class))
                .toList();
        assertThat(done).contains("ECHO: serial second", "ECHO: serial third");
    }

    @Test
    void manyRunsInFlightHoldNoThreads() throws Exception {
        int runs = 200;
        int threadsBefore = Thread.activeCount();
        List<CompletableFuture<Exchange>> replies = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            replies.add(send("direct:short", "agent:main:many-" + i, "HANG"));
        }
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> requests("chat.send").stream()
                                .filter(r ->
                                        r.params().path("sessionKey").asText().startsWith("agent:main:many-"))
                                .count()
                        == runs);

        assertThat(Thread.activeCount() - threadsBefore).isLessThan(30);
        for (CompletableFuture<Exchange> reply : replies) {
            assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(AgentRunTimeoutException.class);
        }
    }

    @Test
    void stoppingTheRouteAbortsItsRunsInFlight() throws Exception {
        CompletableFuture<Exchange> running = send("direct:stoppable", null, "HANG");
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> sentMessages("agent:main:stoppable").contains("HANG"));

        context.getRouteController().stopRoute("stoppable", 1, TimeUnit.SECONDS);

        Exchange aborted = running.get(10, TimeUnit.SECONDS);
        assertThat(aborted.getException()).isInstanceOf(AgentRunAbortedException.class);
        String runId = aborted.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        assertThat(requests("chat.abort"))
                .anyMatch(r -> runId.equals(r.params().path("runId").asText()));
    }

    @Test
    void stoppingTheContextAbortsItsRunsInFlight() throws Exception {
        CompletableFuture<Exchange> running = send("direct:run", "agent:main:context-stop", "HANG");
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> sentMessages("agent:main:context-stop").contains("HANG"));
        context.getShutdownStrategy().setTimeout(1);

        context.stop();

        Exchange aborted = running.get(10, TimeUnit.SECONDS);
        assertThat(aborted.getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(requests("chat.abort"))
                .anyMatch(r -> r.params()
                        .path("runId")
                        .asText()
                        .equals(aborted.getMessage().getHeader(OpenClawConstants.RUN_ID)));
        await().atMost(5, TimeUnit.SECONDS).until(() -> gw.connectionCount() == 0);
    }

    @Test
    void aLostConnectionMidRunIsReattached() {
        gw.faults().dropConnectionsAfterChunks(5);

        Exchange reply = template.request("direct:run", e -> {
            e.getMessage().setBody("CHUNKS:20");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:reattach");
        });

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(reply.getMessage().getHeader(OpenClawConstants.REATTACHED, Boolean.class))
                .isTrue();
        assertThat(reply.getMessage().getBody(String.class))
                .startsWith("part00 part01")
                .endsWith("part19");
        List<ReceivedRequest> sends = requests("chat.send").stream()
                .filter(r -> r.params().path("sessionKey").asText().equals("agent:main:reattach"))
                .toList();
        assertThat(sends)
                .extracting(r -> r.params().path("idempotencyKey").asText())
                .containsOnly(reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class));
    }

    @Test
    void aGatewayGoneMidRunEndsTheRunWithItsTimeout() throws Exception {
        TestGateway gone = TestGateway.builder()
                .token(TOKEN)
                .slowChunkDelay(Duration.ofMillis(40))
                .build()
                .start();
        try {
            CompletableFuture<Exchange> running = template.asyncSend(
                    "openclaw:agent?sessionKey=agent:main:gone&runTimeout=1500&gatewayUrl=" + gone.url(),
                    e -> e.getMessage().setBody("SLOW"));
            await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> gone.receivedRequests().stream()
                            .anyMatch(r -> r.method().equals("chat.send")));

            gone.stop();

            Exchange failed = running.get(10, TimeUnit.SECONDS);
            assertThat(failed.getException())
                    .isInstanceOf(AgentRunTimeoutException.class)
                    .hasMessageContaining("run timeout of 1500 ms");
            assertThat(failed.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("timeout");
        } finally {
            gone.stop();
        }
    }
}
