package io.camelopenclaw.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.testgateway.ReceivedRequest;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every {@code openclaw:} kind with the component's default settings against a test gateway of one generation
 * (subclasses: protocol 3 as 2026.3.13, which clears the scopes of device-less clients, and protocol 4 as 2026.9.6),
 * and the recorded behaviours a route sees: silent replies, and redeliveries of finished or aborted runs that end at
 * once without a second run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class OpenClawDefaultsTestSupport extends CamelTestSupport {

    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    private final TestGateway gw = TestGateway.builder()
            .token("defaults-token")
            .protocol(protocol())
            .slowChunkDelay(Duration.ofMillis(40))
            .build()
            .start();

    /** 3 or 4. */
    abstract int protocol();

    @AfterEach
    void stopGateway() {
        gw.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        component.setEnvironment(name -> switch (name) {
            case ConnectionSettings.ENV_GATEWAY_URL -> gw.url();
            case ConnectionSettings.ENV_TOKEN -> "defaults-token";
            default -> null;
        });
        component.getConfiguration().setDeviceIdentityFile(identityFile().toString());
        return context;
    }

    private static Path identityFile() throws IOException {
        return Files.createTempDirectory("camel-openclaw-defaults").resolve("device-identity.json");
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
                from("openclaw:events?events=chat&states=final").to("mock:finals");
            }
        };
    }

    @Test
    void everyKindWorksWithTheDefaultSettings() throws Exception {
        Exchange reply = run("direct:chat", "defaults", "hello defaults", null);
        Exchange sessions = template.request(
                "direct:rpc", e -> e.getMessage().setHeader(OpenClawConstants.METHOD, "sessions.list"));
        MockEndpoint finals = getMockEndpoint("mock:finals");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: hello defaults");
        assertThat(sessions.getException()).isNull();
        assertThat(sessions.getMessage().getBody(Map.class)).containsKey("sessions");
        await().atMost(AT_ONCE).until(() -> finals.getReceivedCounter() >= 1);
        assertThat(requests("connect")).isNotEmpty().allMatch(r -> r.params().has("device"));
    }

    @Test
    void aSilentReplyIsStatusSilentForBothRunMethods() {
        for (String uri : List.of("direct:chat", "direct:agent")) {
            Exchange reply = run(uri, "quiet-" + uri.substring(7), "stay SILENT", null);

            assertThat(reply.getException()).as(uri).isNull();
            assertThat(reply.getMessage().getHeader(OpenClawConstants.STATUS))
                    .as(uri)
                    .isEqualTo("silent");
            assertThat(reply.getMessage().getBody(String.class)).as(uri).isEmpty();
        }
    }

    @Test
    void aRedeliveredKeyOfAFinishedRunReturnsItsResultAtOnceWithoutASecondRun() {
        String key = UUID.randomUUID().toString();
        run("direct:chat", "redelivered", "only once", key);

        long started = System.nanoTime();
        Exchange again = run("direct:chat", "redelivered", "only once", key);

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(again.getMessage().getBody(String.class)).isEqualTo("ECHO: only once");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(AT_ONCE);
        assertThat(gw.sessions().history("agent:main:redelivered"))
                .filteredOn(m -> "assistant".equals(m.path("role").asText()))
                .hasSize(1);
    }

    @Test
    void aRedeliveredKeyOfAnAbortedRunFailsAbortedAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        MockEndpoint chunks = getMockEndpoint("mock:chunks");
        CompletableFuture<Exchange> slow = template.asyncSend("direct:stream", e -> {
            e.getMessage().setBody("SLOW to abort");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "aborted");
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, key);
        });
        await().atMost(AT_ONCE).until(() -> chunks.getReceivedCounter() >= 2);
        template.request("direct:chat", e -> {
            e.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "aborted");
        });
        assertThat(slow.get(AT_ONCE.toSeconds(), TimeUnit.SECONDS).getException())
                .isInstanceOf(AgentRunAbortedException.class);

        Exchange again = run("direct:chat", "aborted", "SLOW to abort", key);

        assertThat(again.getException()).isInstanceOf(AgentRunAbortedException.class);
        assertThat(again.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("aborted");
    }

    private Exchange run(String uri, String session, String text, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeader(OpenClawConstants.SESSION_KEY, session);
            if (key != null) {
                e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, key);
            }
        });
    }

    private List<ReceivedRequest> requests(String method) {
        return gw.receivedRequests().stream()
                .filter(r -> method.equals(r.method()))
                .toList();
    }
}
