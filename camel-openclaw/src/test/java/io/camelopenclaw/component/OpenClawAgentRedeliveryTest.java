package io.camelopenclaw.component;

import java.util.List;

import io.camelopenclaw.client.run.AgentRunFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys: redeliveries of an exchange join its run; every other run gets a key of its own. */
class OpenClawAgentRedeliveryTest extends OpenClawTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(10));
                from("direct:retry").to("openclaw:agent?sessionKey=agent:main:retry");
                from("direct:twice")
                        .to("openclaw:agent?sessionKey=agent:main:first")
                        .removeHeader(OpenClawConstants.SESSION_KEY)
                        .to("openclaw:agent?sessionKey=agent:main:second");
                from("direct:conversation")
                        .to("openclaw:agent?sessionKey=agent:main:conversation")
                        .to("openclaw:agent");
                from("direct:loop")
                        .loop(2)
                        .to("openclaw:agent?sessionKey=agent:main:loop")
                        .end();
                from("direct:split").split(body()).to("openclaw:agent?sessionKey=agent:main:split");
                from("direct:keyed").to("openclaw:agent?sessionKey=agent:main:keyed");
            }
        };
    }

    private static List<String> keysSentTo(String session) {
        return requests("chat.send").stream()
                .filter(r -> r.params().path("sessionKey").asText().equals(session))
                .map(r -> r.params().path("idempotencyKey").asText())
                .toList();
    }

    private static long userMessages(String session) {
        return gw.sessions().history(session).stream()
                .filter(m -> "user".equals(m.path("role").asText()))
                .count();
    }

    @Test
    void redeliveriesOfAFailedExchangeReuseItsKeySoTheGatewayRunsOnce() {
        Exchange reply = template.request("direct:retry", e -> e.getMessage().setBody("FAIL:unknown"));

        assertThat(reply.getException()).isInstanceOf(AgentRunFailedException.class);
        assertThat(reply.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class))
                .isEqualTo(2);
        List<String> keys = keysSentTo("agent:main:retry");
        assertThat(keys).hasSize(3).containsOnly(reply.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class));
        assertThat(userMessages("agent:main:retry")).isEqualTo(1);
    }

    @Test
    void aSecondStepOfTheSameExchangeGetsItsOwnKey() {
        Exchange reply = template.request("direct:twice", e -> e.getMessage().setBody("twice"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: ECHO: twice");
        assertThat(keysSentTo("agent:main:first")).hasSize(1);
        assertThat(keysSentTo("agent:main:second"))
                .hasSize(1)
                .doesNotContainAnyElementsOf(keysSentTo("agent:main:first"));
    }

    @Test
    void theCanonicalSessionKeyOfAStepCarriesIntoTheNextStep() {
        Exchange reply =
                template.request("direct:conversation", e -> e.getMessage().setBody("hi"));

        assertThat(reply.getException()).isNull();
        assertThat(keysSentTo("agent:main:conversation")).hasSize(2).doesNotHaveDuplicates();
        assertThat(userMessages("agent:main:conversation")).isEqualTo(2);
    }

    @Test
    void theSameStepRunTwiceInALoopGetsTwoKeys() {
        Exchange reply = template.request("direct:loop", e -> e.getMessage().setBody("loop"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: ECHO: loop");
        assertThat(keysSentTo("agent:main:loop")).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void splitPartsGetKeysOfTheirOwn() {
        Exchange reply = template.request("direct:split", e -> e.getMessage().setBody(List.of("a", "b", "c")));

        assertThat(reply.getException()).isNull();
        assertThat(keysSentTo("agent:main:split")).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void theSameKeyHeaderOnTwoExchangesJoinsOneRun() {
        Exchange first = template.request("direct:keyed", e -> {
            e.getMessage().setBody("only once");
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, "shared-key");
        });
        Exchange second = template.request("direct:keyed", e -> {
            e.getMessage().setBody("only once");
            e.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, "shared-key");
        });

        assertThat(first.getMessage().getBody(String.class)).isEqualTo("ECHO: only once");
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getBody(String.class)).isEqualTo("ECHO: only once");
        assertThat(second.getMessage().getHeader(OpenClawConstants.RUN_ID)).isEqualTo("shared-key");
        assertThat(keysSentTo("agent:main:keyed")).containsExactly("shared-key", "shared-key");
        assertThat(userMessages("agent:main:keyed")).isEqualTo(1);
    }
}
