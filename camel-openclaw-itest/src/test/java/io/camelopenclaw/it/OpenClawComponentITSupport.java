package io.camelopenclaw.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.test.infra.RealGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code openclaw} component from real routes against one real OpenClaw gateway (subclasses pick v4 or v3), with
 * the component's default settings: only the gateway URL, its token and (so that tests do not write into the home
 * folder) the device identity file are set. The gateways are shared by the whole JVM, so every test uses session keys
 * of its own.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class OpenClawComponentITSupport extends CamelTestSupport {

    /** Far below the default run timeout (10 min): a redelivery that waits for a run that is not running fails it. */
    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A prefix of this JVM's session keys, so reruns against a gateway that kept its state start clean. */
    private static final String PREFIX =
            "agent:main:camel-cit-" + UUID.randomUUID().toString().substring(0, 6) + "-";

    private final RealGateway gw = gateway();

    /** The real gateway of this class (started lazily, shared by the JVM). */
    abstract RealGateway gateway();

    /** Each gateway keeps the device the component pairs on first use, so the identity is kept per class. */
    abstract Path deviceIdentityFile();

    private String session(String what) {
        return PREFIX + gw.name() + "-" + what;
    }

    static Path newIdentityFile() {
        try {
            return Files.createTempDirectory("camel-openclaw-it").resolve("device-identity.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OpenClawConfiguration defaults = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class)
                .getConfiguration();
        defaults.setGatewayUrl(gw.url().toString());
        defaults.setToken(gw.token());
        defaults.setDeviceIdentityFile(deviceIdentityFile().toString());
        return context;
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        configuration.withShutdownTimeout(10);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chat").to("openclaw:agent");
                from("direct:agent").to("openclaw:agent?runMethod=agent");
                from("direct:stream").to("openclaw:agent?streamTo=mock:chunks");
                from("direct:rpc").to("openclaw:rpc");
                from("openclaw:agent?sessionKey=" + session("observed")).to("mock:observed");
                from("openclaw:events?events=agent,chat&states=final&streams=lifecycle&sessionKey=" + session("events"))
                        .to("mock:events");
                from("openclaw:events?events=chat&states=final&catchUp=true&bridgeErrorHandler=true&sessionKey="
                                + session("catchup") + "*")
                        .routeId("catch-up")
                        .autoStartup(false)
                        .onException(Exception.class)
                        .handled(true)
                        .to("mock:caught-up-errors")
                        .end()
                        .to("mock:caught-up");
            }
        };
    }

    private Exchange run(String uri, String session, String text) {
        return template.request(uri, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });
    }

    private CompletableFuture<Exchange> runAsync(String uri, String session, String text) {
        return template.asyncSend(uri, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });
    }

    private Exchange rpc(String method, Object params) {
        return template.request("direct:rpc", e -> {
            e.getMessage().setHeader(OpenClawConstants.METHOD, method);
            e.getMessage().setBody(params);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapBody(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    /** chat.send (the default run method): the reply and the run's facts; chat.history then holds both turns. */
    @Test
    void chatSendRunRepliesWithBodyAndHeadersAndLandsInTheHistory() {
        String session = session("chat");
        Exchange reply = run("direct:chat", session, "hello camel");

        assertThat(reply.getException()).isNull();
        Message m = reply.getMessage();
        assertThat(m.getBody(String.class)).isEqualTo("ECHO: hello camel");
        assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(m.getHeader(OpenClawConstants.FINISH_CATEGORY)).isEqualTo("COMPLETED");
        assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session);
        assertThat(m.getHeader(OpenClawConstants.RUN_ID, String.class))
                .isNotBlank()
                .isEqualTo(m.getHeader(OpenClawConstants.IDEMPOTENCY_KEY));
        if (gw.protocol() >= 4) {
            // 2026.9.6 streams the model (lifecycle phase=model) and the usage (stream usage) of chat.send runs;
            // 2026.3.13 sends neither for chat.send (only the agent method's final answer carries them)
            assertThat(m.getHeader(OpenClawConstants.MODEL)).isEqualTo("stub-echo");
            assertThat(m.getHeader(OpenClawConstants.PROVIDER)).isEqualTo("stub");
            assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS)).isInstanceOf(Integer.class);
            assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS, Integer.class))
                    .isPositive();
            assertThat(m.getHeader(OpenClawConstants.STOP_REASON)).isEqualTo("stop");
        }
        assertThat(m.getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class)).isPositive();
        assertThat(m.getHeader(OpenClawConstants.DURATION, Long.class)).isNotNegative();

        Exchange history = rpc("chat.history", Map.of("sessionKey", session, "limit", 10));
        assertThat(history.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages =
                (List<Map<String, Object>>) mapBody(history).get("messages");
        assertThat(messages).extracting(OpenClawComponentITSupport::text).contains("hello camel", "ECHO: hello camel");
    }

    /**
     * catchUp: the ends of runs that finished before the route started are read from chat.history (the sessions that
     * match come from sessions.list) and delivered once, then live ones; a protocol 3 history has no run ids, which
     * the consumer reports to its exception handler.
     */
    @Test
    void catchUpDeliversTheRunsThatEndedBeforeTheRouteStartedThenLiveOnes() throws Exception {
        String session = session("catchup-1");
        String first = run("direct:chat", session, "caught up one")
                .getMessage()
                .getHeader(OpenClawConstants.RUN_ID, String.class);
        String second = run("direct:agent", session, "caught up two")
                .getMessage()
                .getHeader(OpenClawConstants.RUN_ID, String.class);
        MockEndpoint caught = getMockEndpoint("mock:caught-up");
        MockEndpoint errors = getMockEndpoint("mock:caught-up-errors");

        context.getRouteController().startRoute("catch-up");

        if (gw.protocol() < 4) {
            await().atMost(WAIT).until(() -> errors.getReceivedCounter() >= 1);
            assertThat(errors.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))
                    .hasMessageContaining("carry no run ids");
            return;
        }
        await().atMost(WAIT).until(() -> caught.getReceivedCounter() >= 2);
        assertThat(caught.getExchanges())
                .extracting(e -> e.getMessage().getHeader(OpenClawConstants.RUN_ID))
                .containsExactly(first, second);
        assertThat(caught.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(OpenClawConstants.CATCH_UP)).isEqualTo(true);
            assertThat(e.getMessage().getHeader(OpenClawConstants.STATE)).isEqualTo("final");
            assertThat(e.getMessage().getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> message =
                (Map<String, Object>) mapBody(caught.getExchanges().get(0)).get("message");
        assertThat(text(message)).isEqualTo("ECHO: caught up one");

        String live =
                run("direct:chat", session, "live one").getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        await().atMost(WAIT).until(() -> caught.getReceivedCounter() >= 3);
        assertThat(caught.getExchanges().get(2).getMessage().getHeader(OpenClawConstants.RUN_ID))
                .isEqualTo(live);
        assertThat(caught.getExchanges().get(2).getMessage().getHeader(OpenClawConstants.CATCH_UP))
                .isNull();
        assertThat(errors.getReceivedCounter()).isZero();
    }

    /** The text of a transcript message: a string, or the first text part. */
    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> message) {
        Object content = message.get("content");
        if (content instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof Map<?, ?> part) {
            return String.valueOf(((Map<String, Object>) part).get("text"));
        }
        return String.valueOf(content);
    }

    /** The two-phase agent method: the same reply and facts. */
    @Test
    void agentMethodRunRepliesWithBodyAndHeaders() {
        String session = session("agent-method");
        Exchange reply = run("direct:agent", session, "hello via agent");

        assertThat(reply.getException()).isNull();
        Message m = reply.getMessage();
        assertThat(m.getBody(String.class)).isEqualTo("ECHO: hello via agent");
        assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session);
        assertThat(m.getHeader(OpenClawConstants.RUN_ID, String.class)).isNotBlank();
        assertThat(m.getHeader(OpenClawConstants.MODEL)).isEqualTo("stub-echo");
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS)).isInstanceOf(Integer.class);
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS, Integer.class)).isPositive();
    }

    /** The agent consumer reports a run that a different client (not Camel) started in its session. */
    @Test
    void agentConsumerSeesARunStartedByAnotherClient() throws Exception {
        GatewayClientOptions.Builder options = GatewayClientOptions.builder()
                .url(gw.url().toString())
                .token(gw.token())
                .displayName("another client")
                .deviceIdentityStore(DeviceIdentityStore.file(newIdentityFile()));
        try (GatewayClient other = GatewayClient.create(options.build())) {
            other.connect().get(1, TimeUnit.MINUTES);
            AgentRunResult result = other.startRun(AgentRunRequest.builder("seen by camel")
                            .sessionKey(session("observed"))
                            .runTimeout(Duration.ofMinutes(2))
                            .build())
                    .result()
                    .get(2, TimeUnit.MINUTES);
            assertThat(result.text()).isEqualTo("ECHO: seen by camel");

            MockEndpoint observed = getMockEndpoint("mock:observed");
            await().atMost(WAIT).until(() -> observed.getReceivedCounter() >= 1);
            Message m = observed.getExchanges().get(0).getMessage();
            assertThat(m.getBody(String.class)).isEqualTo("ECHO: seen by camel");
            assertThat(m.getHeader(OpenClawConstants.RUN_ID)).isEqualTo(result.runId());
            assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session("observed"));
            assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        }
    }

    /** The events consumer gets the chat final and the lifecycle events of its session's run, nothing of others. */
    @Test
    void eventsConsumerGetsChatFinalsAndLifecycleEventsOfItsSessionOnly() throws Exception {
        CompletableFuture<Exchange> mine = runAsync("direct:chat", session("events"), "watch me");
        CompletableFuture<Exchange> other = runAsync("direct:chat", session("not-events"), "not me");
        String runId = mine.get(2, TimeUnit.MINUTES).getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        other.get(2, TimeUnit.MINUTES);
        MockEndpoint events = getMockEndpoint("mock:events");

        await().atMost(WAIT)
                .until(() -> events.getExchanges().stream()
                        .anyMatch(e -> "final".equals(e.getMessage().getHeader(OpenClawConstants.STATE))));

        List<Exchange> received = events.getExchanges();
        assertThat(received).allSatisfy(e -> {
            Message m = e.getMessage();
            assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session("events"));
            assertThat(m.getHeader(OpenClawConstants.RUN_ID)).isEqualTo(runId);
            if ("agent".equals(m.getHeader(OpenClawConstants.EVENT))) {
                assertThat(m.getHeader(OpenClawConstants.STREAM)).isEqualTo("lifecycle");
            } else {
                assertThat(m.getHeader(OpenClawConstants.EVENT)).isEqualTo("chat");
                assertThat(m.getHeader(OpenClawConstants.STATE)).isEqualTo("final");
            }
        });
        List<Object> phases = received.stream()
                .filter(e -> "agent".equals(e.getMessage().getHeader(OpenClawConstants.EVENT)))
                .map(e -> (Object) ((Map<?, ?>) mapBody(e).get("data")).get("phase"))
                .toList();
        assertThat(phases).contains("start", "end");
        assertThat(received)
                .filteredOn(e -> "chat".equals(e.getMessage().getHeader(OpenClawConstants.EVENT)))
                .hasSize(1);
    }

    /**
     * rpc: any method by header. The real gateways check a method's scope before they look it up, and unknown methods
     * need operator.admin: without it the call fails with MissingScopeException, with it as an unknown method.
     */
    @Test
    void rpcCallsGatewayMethodsAndUnknownMethodsFailTyped() {
        Exchange sessions = rpc("sessions.list", Map.of());
        assertThat(sessions.getException()).isNull();
        assertThat(mapBody(sessions).get("sessions")).isInstanceOf(List.class);

        Exchange withoutAdmin = rpc("no.such.method", null);
        assertThat(withoutAdmin.getException())
                .isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("no.such.method")
                .hasMessageContaining("operator.admin");
        assertThat(((MissingScopeException) withoutAdmin.getException()).missingScopes())
                .containsExactly("operator.admin");
        assertThat(((MissingScopeException) withoutAdmin.getException()).code())
                .isEqualTo(gw.protocol() >= 4 ? "FORBIDDEN" : "INVALID_REQUEST");

        String admin = "openclaw:rpc?scopes=operator.read,operator.write,operator.admin&deviceIdentityFile="
                + newIdentityFile();
        Exchange unknown =
                template.request(admin, e -> e.getMessage().setHeader(OpenClawConstants.METHOD, "no.such.method"));
        assertThat(unknown.getException())
                .isExactlyInstanceOf(GatewayRequestException.class)
                .hasMessageContaining("unknown method: no.such.method");
        GatewayRequestException error = (GatewayRequestException) unknown.getException();
        assertThat(error.code()).isEqualTo("INVALID_REQUEST");
        assertThat(error.method()).isEqualTo("no.such.method");
    }

    /** streamTo: every text chunk in order, before the run's exchange completes with their concatenation. */
    @Test
    void streamToDeliversTheChunksInOrder() {
        String text = "one two three four five six";
        Exchange reply = run("direct:stream", session("stream"), text);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: " + text);
        List<Exchange> chunks = getMockEndpoint("mock:chunks").getExchanges();
        assertThat(chunks)
                .extracting(e -> e.getMessage().getHeader(OpenClawConstants.CHUNK_INDEX, Integer.class))
                .isSorted()
                .doesNotHaveDuplicates();
        List<Exchange> texts = chunks.stream()
                .filter(e -> "text".equals(e.getMessage().getHeader(OpenClawConstants.CHUNK_KIND)))
                .toList();
        assertThat(texts).hasSizeGreaterThan(1);
        assertThat(texts)
                .allSatisfy(e -> assertThat(e.getMessage().getHeader(OpenClawConstants.RUN_ID))
                        .isEqualTo(reply.getMessage().getHeader(OpenClawConstants.RUN_ID)));
        assertThat(String.join(
                        "",
                        texts.stream()
                                .map(e -> e.getMessage().getBody(String.class))
                                .toList()))
                .isEqualTo(reply.getMessage().getBody(String.class));
        assertThat(reply.getMessage().getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class))
                .isEqualTo(chunks.size());
    }

    /** The abort operation stops a SLOW run mid-stream; the run's exchange fails typed with the partial reply. */
    @Test
    void abortOperationStopsASlowRun() throws Exception {
        String session = session("abort");
        MockEndpoint chunks = getMockEndpoint("mock:chunks");
        CompletableFuture<Exchange> slow = runAsync("direct:stream", session, "please answer SLOW");
        await().atMost(WAIT).until(() -> chunks.getReceivedCounter() >= 2);

        Exchange abort = template.request("direct:chat", e -> {
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });

        assertThat(abort.getException()).isNull();
        assertThat(mapBody(abort)).containsEntry("aborted", true);
        Exchange run = slow.get(1, TimeUnit.MINUTES);
        assertThat(run.getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(run.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("aborted");
        assertThat(run.getMessage().getHeader(OpenClawConstants.FINISH_CATEGORY))
                .isEqualTo("OTHER");
        assertThat(((AgentRunAbortedException) run.getException()).result().text())
                .startsWith("SLOW-ECHO")
                .doesNotContain("part49");
        assertThat(chunks.getReceivedCounter()).isLessThan(50);
    }

    /** A wrong token fails the exchange at once with the gateway's AUTH_TOKEN_MISMATCH. */
    @Test
    void wrongTokenFailsTheExchangeWithAuthTokenMismatch() {
        String uri = "openclaw:rpc?method=sessions.list&token=not-the-token&maxReconnectAttempts=1"
                + "&deviceIdentityFile=" + newIdentityFile();
        Exchange reply = template.request(uri, e -> e.getMessage().setBody(Map.of()));

        assertThat(reply.getException())
                .isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH")
                .hasMessageNotContaining("not-the-token");
    }

    /**
     * A model that answers NO_REPLY: 2026.9.6 asks it again, then ends with lifecycle error (terminalReply silent)
     * and chat aborted/error; 2026.3.13 with a final without message. Both are a silent reply, not an abort or
     * failure, for chat.send and for the agent method.
     */
    @Test
    void aSilentAgentIsReportedSilentForBothRunMethods() {
        for (String uri : List.of("direct:chat", "direct:agent")) {
            Exchange reply = run(uri, session("silent-" + uri.substring(7)), "SILENT please");

            assertThat(reply.getException()).as(uri).isNull();
            assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS))
                    .as(uri)
                    .isEqualTo("silent");
            assertThat(reply.getMessage().getHeader(OpenClawConstants.FINISH_CATEGORY))
                    .as(uri)
                    .isEqualTo("COMPLETED");
            assertThat(reply.getMessage().getBody(String.class)).as(uri).isEmpty();
        }
    }

    /**
     * A redelivery (same idempotency key) of a finished run returns that run's result at once, whether it arrives
     * right after the run ended (2026.3.13 then still answers in_flight, without events) or later, and starts no
     * second model call.
     */
    @Test
    void aRedeliveryOfAFinishedRunReturnsItsResultAtOnceWithoutASecondModelCall() throws Exception {
        String session = session("redelivery");
        String key = UUID.randomUUID().toString();
        Exchange first = runWithKey("direct:chat", session, "deliver once", key);
        int modelCalls = gw.model().requestCount();

        long started = System.nanoTime();
        Exchange atOnce = runWithKey("direct:chat", session, "deliver once", key);
        Thread.sleep(1_500); // past 2026.3.13's settle window: now the key is answered ok
        Exchange later = runWithKey("direct:chat", session, "deliver once", key);

        assertThat(first.getMessage().getBody(String.class)).isEqualTo("ECHO: deliver once");
        for (Exchange again : List.of(atOnce, later)) {
            assertThat(again.getException()).isNull();
            assertThat(again.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
            assertThat(again.getMessage().getBody(String.class)).isEqualTo("ECHO: deliver once");
            assertThat(again.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo(key);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
        assertThat(gw.model().requestCount()).isEqualTo(modelCalls);
    }

    /** The same for the agent method: the gateway replays the cached final answer. */
    @Test
    void aRedeliveryOfAFinishedAgentRunReturnsItsResult() {
        String session = session("redelivery-agent");
        String key = UUID.randomUUID().toString();
        runWithKey("direct:agent", session, "agent once", key);
        int modelCalls = gw.model().requestCount();

        Exchange again = runWithKey("direct:agent", session, "agent once", key);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(String.class)).isEqualTo("ECHO: agent once");
        assertThat(gw.model().requestCount()).isEqualTo(modelCalls);
    }

    /** A redelivery of an aborted run fails at once as aborted (2026.3.13 answers ok; its history shows the abort). */
    @Test
    void aRedeliveryOfAnAbortedRunFailsAbortedAtOnce() throws Exception {
        String session = session("redelivery-abort");
        String key = UUID.randomUUID().toString();
        MockEndpoint chunks = getMockEndpoint("mock:chunks");
        CompletableFuture<Exchange> slow = template.asyncSend("direct:stream", e -> {
            e.getMessage().setBody("SLOW then abort");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, key);
        });
        await().atMost(WAIT).until(() -> chunks.getReceivedCounter() >= 2);
        template.request("direct:chat", e -> {
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
        });
        assertThat(slow.get(1, TimeUnit.MINUTES).getException()).isInstanceOf(AgentRunAbortedException.class);
        Thread.sleep(1_500);

        long started = System.nanoTime();
        Exchange again = runWithKey("direct:chat", session, "SLOW then abort", key);

        assertThat(again.getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(again.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("aborted");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
    }

    /**
     * The connection breaks mid-run while the gateway goes on: the client reconnects, resumes the run from
     * chat.history (2026.9.6 adopts its inFlightRun) and completes it with the whole reply, streamed chunks included,
     * without starting it again.
     */
    @Test
    void aRunSurvivesAConnectionCutAndCompletesWhole() throws Exception {
        try (TcpCutter cutter = TcpCutter.in(gw.url())) {
            String uri = "openclaw:agent?gatewayUrl=" + cutter.url() + "&streamTo=mock:cut-chunks";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:cut").to(uri);
                }
            });
            MockEndpoint chunks = getMockEndpoint("mock:cut-chunks");
            int modelCalls = gw.model().requestCount();
            CompletableFuture<Exchange> slow = runAsync("direct:cut", session("cut"), "SLOW through a cut");
            await().atMost(WAIT).until(() -> chunks.getReceivedCounter() >= 3);

            cutter.cut();
            Exchange reply = slow.get(2, TimeUnit.MINUTES);

            assertThat(reply.getException()).isNull();
            String text = reply.getMessage().getBody(String.class);
            assertThat(text).startsWith("SLOW-ECHO part00").endsWith("part49.");
            assertThat(reply.getMessage().getHeader(OpenClawConstants.REATTACHED, Boolean.class))
                    .isTrue();
            assertThat(streamed(chunks.getExchanges())).isEqualTo(text);
            assertThat(cutter.connections()).isGreaterThanOrEqualTo(2);
            assertThat(gw.model().requestCount()).isEqualTo(modelCalls + 1);
        }
    }

    private Exchange runWithKey(String uri, String session, String text, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, key);
        });
    }

    /** The text the streamed chunks add up to, honouring chunks that replace the text so far. */
    private static String streamed(List<Exchange> chunks) {
        StringBuilder text = new StringBuilder();
        for (Exchange chunk : chunks) {
            Message m = chunk.getMessage();
            if (!"text".equals(m.getHeader(OpenClawConstants.CHUNK_KIND))) {
                continue;
            }
            if (Boolean.TRUE.equals(m.getHeader(OpenClawConstants.CHUNK_REPLACE, Boolean.class))) {
                text.setLength(0);
            }
            text.append(m.getBody(String.class));
        }
        return text.toString();
    }
}
