package io.camelopenclaw.component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.ToolCall;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent consumer reports finished runs of its sessions, including runs another client started. */
class OpenClawAgentConsumerTest extends OpenClawTestSupport {

    private GatewayClient otherClient;

    @BeforeEach
    void connectAnotherClient() throws Exception {
        otherClient = GatewayClient.create(GatewayClientOptions.builder()
                .url(gw.url())
                .token(TOKEN)
                .displayName("another client")
                .build());
        otherClient.connect().get(5, TimeUnit.SECONDS);
        awaitConnected(); // the consumers' connection, so that they see the runs from their first event
    }

    @AfterEach
    void closeAnotherClient() {
        otherClient.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("openclaw:agent?sessionKey=observed").to("mock:observed");
                from("openclaw:agent?sessionKey=agent:main:team-*").to("mock:team");
                from("direct:ask").to("openclaw:agent?sessionKey=agent:main:observed");
            }
        };
    }

    private AgentRun runElsewhere(String session, String text) {
        return otherClient.startRun(
                AgentRunRequest.builder(text).sessionKey(session).build());
    }

    private static Exchange awaitOne(MockEndpoint mock) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> mock.getReceivedCounter() >= 1);
        return mock.getExchanges().get(0);
    }

    @Test
    void aRunOfAnotherClientArrivesWithTheProducersBodyAndHeaders() throws Exception {
        AgentRun run = runElsewhere("agent:main:observed", "THINK about TOOLCALL");
        var result = run.result().get(5, TimeUnit.SECONDS);

        Exchange observed = awaitOne(getMockEndpoint("mock:observed"));

        var m = observed.getMessage();
        assertThat(observed.getException()).isNull();
        assertThat(m.getBody(String.class)).isEqualTo(result.text());
        assertThat(m.getHeader(OpenClawConstants.RUN_ID)).isEqualTo(run.runId());
        assertThat(m.getHeader(OpenClawConstants.IDEMPOTENCY_KEY)).isEqualTo(run.runId());
        assertThat(m.getHeader(OpenClawConstants.SESSION_KEY)).isEqualTo("agent:main:observed");
        assertThat(m.getHeader(OpenClawConstants.STATUS)).isEqualTo("ok");
        assertThat(m.getHeader(OpenClawConstants.STOP_REASON)).isEqualTo("stop");
        assertThat(m.getHeader(OpenClawConstants.MODEL)).isEqualTo(result.model());
        assertThat(m.getHeader(OpenClawConstants.PROVIDER)).isEqualTo(result.provider());
        assertThat(m.getHeader(OpenClawConstants.OUTPUT_TOKENS))
                .isEqualTo(result.usage().outputTokens().intValue());
        assertThat(m.getHeader(OpenClawConstants.FINISH_CATEGORY)).isEqualTo("COMPLETED");
        assertThat(m.getHeader(OpenClawConstants.CHUNK_COUNT, Integer.class)).isPositive();
        assertThat(observed.getProperty(OpenClawConstants.THINKING_PROPERTY)).isEqualTo("Considering the request.");
        @SuppressWarnings("unchecked")
        List<ToolCall> calls = observed.getProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, List.class);
        assertThat(calls).extracting(ToolCall::status).containsExactly("completed"); // from the item stream
    }

    @Test
    void aRunOfThisContextIsReportedToo() {
        Exchange reply = template.request("direct:ask", e -> e.getMessage().setBody("mine"));

        Exchange observed = awaitOne(getMockEndpoint("mock:observed"));

        assertThat(observed.getMessage().getBody(String.class)).isEqualTo("ECHO: mine");
        assertThat(observed.getMessage().getHeader(OpenClawConstants.RUN_ID))
                .isEqualTo(reply.getMessage().getHeader(OpenClawConstants.RUN_ID));
    }

    @Test
    void aWildcardMatchesEverySessionWithThePrefixOnly() throws Exception {
        runElsewhere("agent:main:team-a", "from a").result().get(5, TimeUnit.SECONDS);
        runElsewhere("agent:main:outsider", "not a team").result().get(5, TimeUnit.SECONDS);
        runElsewhere("agent:main:team-b", "from b").result().get(5, TimeUnit.SECONDS);
        MockEndpoint team = getMockEndpoint("mock:team");

        await().atMost(5, TimeUnit.SECONDS).until(() -> team.getReceivedCounter() >= 2);
        await().during(Duration.ofMillis(300)).atMost(2, TimeUnit.SECONDS).until(() -> team.getReceivedCounter() == 2);

        assertThat(team.getExchanges())
                .extracting(e -> e.getMessage().getBody(String.class))
                .containsExactly("ECHO: from a", "ECHO: from b");
        assertThat(getMockEndpoint("mock:observed").getReceivedCounter()).isZero();
    }

    @Test
    void failedAndAbortedRunsArriveWithTheirStatusAndNoException() throws Exception {
        runElsewhere("agent:main:team-err", "FAIL:refusal");
        AgentRun hanging = runElsewhere("agent:main:team-abort", "HANG");
        await().atMost(5, TimeUnit.SECONDS)
                .until(() -> !requests("chat.send").isEmpty()
                        && requests("chat.send").stream()
                                .anyMatch(r -> r.params()
                                        .path("idempotencyKey")
                                        .asText()
                                        .equals(hanging.runId())));
        hanging.abort().get(5, TimeUnit.SECONDS);
        MockEndpoint team = getMockEndpoint("mock:team");

        await().atMost(5, TimeUnit.SECONDS).until(() -> team.getReceivedCounter() >= 2);

        Exchange failed = team.getExchanges().stream()
                .filter(e -> "agent:main:team-err".equals(e.getMessage().getHeader(OpenClawConstants.SESSION_KEY)))
                .findFirst()
                .orElseThrow();
        assertThat(failed.getException()).isNull();
        assertThat(failed.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("error");
        assertThat(failed.getMessage().getHeader(OpenClawConstants.ERROR_KIND)).isEqualTo("refusal");
        Exchange aborted = team.getExchanges().stream()
                .filter(e -> "agent:main:team-abort".equals(e.getMessage().getHeader(OpenClawConstants.SESSION_KEY)))
                .findFirst()
                .orElseThrow();
        assertThat(aborted.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("aborted");
        assertThat(aborted.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo(hanging.runId());
    }
}
