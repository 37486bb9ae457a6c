package io.camelopenclaw.examples.support;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRepliesTest {

    private final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void runFactsAreCopiedToHeadersTransportsCarry() {
        exchange.getMessage().setHeader(OpenClawConstants.RUN_ID, "jms:ID:1");
        exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:jms:a");
        exchange.getMessage().setHeader(OpenClawConstants.STATUS, "ok");

        AgentReplies.exposeRunFacts(exchange);

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(AgentReplies.RUN_ID, "jms:ID:1")
                .containsEntry(AgentReplies.SESSION_KEY, "agent:main:jms:a")
                .containsEntry(AgentReplies.STATUS, "ok")
                .doesNotContainKey(AgentReplies.ERROR_KIND);
    }

    @Test
    void aFailureReplyNamesTheOutcomeKindAndError() {
        exchange.getMessage().setBody("the question");
        exchange.getMessage().setHeader(OpenClawConstants.STATUS, "error");
        exchange.getMessage().setHeader(OpenClawConstants.ERROR_KIND, "rate_limit");
        exchange.getMessage().setHeader(OpenClawConstants.ERROR_MESSAGE, "slow down");

        AgentReplies.failureReply(exchange);

        assertThat(exchange.getMessage().getBody())
                .isEqualTo("The agent could not answer (error, rate_limit): slow down");
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(AgentReplies.STATUS, "error")
                .containsEntry(AgentReplies.ERROR_KIND, "rate_limit");
    }

    @Test
    void aFailureReplyWithoutKindOrErrorNamesTheOutcome() {
        exchange.getMessage().setHeader(OpenClawConstants.STATUS, "aborted");

        AgentReplies.failureReply(exchange);

        assertThat(exchange.getMessage().getBody()).isEqualTo("The agent could not answer (aborted)");
    }
}
