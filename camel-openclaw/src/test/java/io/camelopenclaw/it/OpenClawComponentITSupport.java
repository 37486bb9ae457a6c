package io.camelopenclaw.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.GatewayClientOptions;
import io.camelopenclaw.client.auth.DeviceIdentityStore;
import io.camelopenclaw.client.error.AgentRunAbortedException;
import io.camelopenclaw.client.error.GatewayConnectException;
import io.camelopenclaw.client.error.GatewayRequestException;
import io.camelopenclaw.client.error.MissingScopeException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
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
 * The {@code openclaw} component from real routes against one real OpenClaw gateway (subclasses pick v4 or v3). The
 * gateways are shared by the whole JVM, so every test uses session keys of its own. On v3 the component signs with a
 * device identity (the v3 gateway clears the scopes of device-less connections); on v4 it connects with the shared
 * token only, so both handshakes are covered.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class OpenClawComponentITSupport extends CamelTestSupport {

    /** Long enough for the first run of a fresh gateway (it prepares the agent workspace: a few seconds). */
    private static final long RUN_TIMEOUT_MS = 120_000;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** A prefix of this JVM's session keys, so reruns against a gateway that kept its state start clean. */
    private static final String PREFIX = "agent:main:camel-cit-" + UUID.randomUUID().toString().substring(0, 6) + "-";

    private final RealGateway gw = gateway();

    /** The real gateway of this class (started lazily, shared by the JVM). */
    abstract RealGateway gateway();

    /** Each gateway keeps the device the component pairs on first use, so the identity is kept per class. */
    abstract Path deviceIdentityFile();

    private String session(String what) {
        return PREFIX + gw.name() + "-" + what;
    }

    private boolean needsDevice() {
        return gw.protocol() < 4;
    }

    static Path newIdentityFile() {
        try {
            return Files.createTempDirectory("camel-openclaw-it").resolve("device-identity.json");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OpenClawConfiguration defaults = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class)
                .getConfiguration();
        defaults.setGatewayUrl(gw.url().toString());
        defaults.setToken(gw.token());
        defaults.setRunTimeout(RUN_TIMEOUT_MS);
        defaults.setReconnectInitialDelay(250);
        defaults.setReconnectMaxDelay(2_000);
        if (needsDevice()) {
            defaults.setDeviceIdentity(true);
            defaults.setDeviceIdentityFile(deviceIdentityFile().toString());
        }
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
                from("openclaw:events?events=agent,chat&states=final&streams=lifecycle&sessionKey="
                     + session("events")).to("mock:events");
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
        assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo(session);
        assertThat(m.getHeader(OpenClawConstants.RUN_ID, String.class)).isNotBlank()
                .isEqualTo(m.getHeader(OpenClawConstants.IDEMPOTENCY_KEY));
        if (gw.protocol() >= 4) {
            // 2026.9.6 streams the model (lifecycle phase=model) and the usage (stream usage) of chat.send runs;
            // 2026.3.13 sends neither for chat.send (only the agent method's final answer carries them)
            assertThat(m.getHeader(OpenClawConstants.MODEL)).isEqualTo("stub-echo");
            assertThat(m.getHeader(OpenClawConstants.PROVIDER)).isEqualTo("stub");
            assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS, Long.class)).isPositive();
            assertThat(m.getHeader(OpenClawConstants.STOP_REASON)).isEqualTo("stop");
        }
        assertThat(m.getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class)).isPositive();
        assertThat(m.getHeader(OpenClawConstants.DURATION, Long.class)).isNotNegative();

        Exchange history = rpc("chat.history", Map.of("sessionKey", session, "limit", 10));
        assertThat(history.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) mapBody(history).get("messages");
        assertThat(messages).extracting(OpenClawComponentITSupport::text).contains("hello camel", "ECHO: hello camel");
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
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS, Long.class)).isPositive();
    }

    /** The agent consumer reports a run that a different client (not Camel) started in its session. */
    @Test
    void agentConsumerSeesARunStartedByAnotherClient() throws Exception {
        GatewayClientOptions.Builder options = GatewayClientOptions.builder().url(gw.url().toString())
                .token(gw.token()).displayName("another client");
        if (needsDevice()) {
            options.deviceIdentityStore(DeviceIdentityStore.file(newIdentityFile()));
        }
        try (GatewayClient other = GatewayClient.create(options.build())) {
            other.connect().get(1, TimeUnit.MINUTES);
            AgentRunResult result = other.startRun(AgentRunRequest.builder("seen by camel")
                    .sessionKey(session("observed")).runTimeout(Duration.ofMinutes(2)).build())
                    .result().get(2, TimeUnit.MINUTES);
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

        await().atMost(WAIT).until(() -> events.getExchanges().stream()
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
                .map(e -> (Object) ((Map<?, ?>) mapBody(e).get("data")).get("phase")).toList();
        assertThat(phases).contains("start", "end");
        assertThat(received).filteredOn(e -> "chat".equals(e.getMessage().getHeader(OpenClawConstants.EVENT)))
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
        assertThat(withoutAdmin.getException()).isInstanceOf(MissingScopeException.class)
                .hasMessageContaining("no.such.method").hasMessageContaining("operator.admin");
        assertThat(((MissingScopeException) withoutAdmin.getException()).missingScopes())
                .containsExactly("operator.admin");
        assertThat(((MissingScopeException) withoutAdmin.getException()).code())
                .isEqualTo(gw.protocol() >= 4 ? "FORBIDDEN" : "INVALID_REQUEST");

        String admin = "openclaw:rpc?scopes=operator.read,operator.write,operator.admin"
                       + (needsDevice() ? "&deviceIdentityFile=" + newIdentityFile() : "");
        Exchange unknown = template.request(admin, e -> e.getMessage().setHeader(OpenClawConstants.METHOD,
                "no.such.method"));
        assertThat(unknown.getException()).isExactlyInstanceOf(GatewayRequestException.class)
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
        assertThat(chunks).extracting(e -> e.getMessage().getHeader(OpenClawConstants.CHUNK_INDEX, Integer.class))
                .isSorted().doesNotHaveDuplicates();
        List<Exchange> texts = chunks.stream()
                .filter(e -> "text".equals(e.getMessage().getHeader(OpenClawConstants.CHUNK_KIND))).toList();
        assertThat(texts).hasSizeGreaterThan(1);
        assertThat(texts).allSatisfy(e -> assertThat(e.getMessage().getHeader(OpenClawConstants.RUN_ID))
                .isEqualTo(reply.getMessage().getHeader(OpenClawConstants.RUN_ID)));
        assertThat(String.join("", texts.stream().map(e -> e.getMessage().getBody(String.class)).toList()))
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
        assertThat(((AgentRunAbortedException) run.getException()).result().text()).startsWith("SLOW-ECHO")
                .doesNotContain("part49");
        assertThat(chunks.getReceivedCounter()).isLessThan(50);
    }

    /** A wrong token fails the exchange at once with the gateway's AUTH_TOKEN_MISMATCH. */
    @Test
    void wrongTokenFailsTheExchangeWithAuthTokenMismatch() {
        String uri = "openclaw:rpc?method=sessions.list&token=not-the-token&maxReconnectAttempts=1"
                     + (needsDevice() ? "&deviceIdentity=true&deviceIdentityFile=" + newIdentityFile() : "");
        Exchange reply = template.request(uri, e -> e.getMessage().setBody(Map.of()));

        assertThat(reply.getException()).isInstanceOf(GatewayConnectException.class)
                .hasMessageContaining("AUTH_TOKEN_MISMATCH").hasMessageNotContaining("not-the-token");
    }
}
