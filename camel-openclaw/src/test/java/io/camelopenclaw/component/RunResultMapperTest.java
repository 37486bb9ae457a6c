package io.camelopenclaw.component;

import java.util.List;

import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunOutcome;
import io.camelopenclaw.client.run.RunUsage;
import io.camelopenclaw.client.run.ToolCall;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fact of a run result lands in its header or property; failures keep the body and the session header. */
class RunResultMapperTest {

    private final CamelContext context = new DefaultCamelContext();

    private static AgentRunResult result(RunOutcome outcome) {
        return AgentRunResult.builder("run-1", outcome)
                .sessionKey("agent:main:s")
                .text("the reply")
                .thinking("hmm")
                .toolCalls(List.of(new ToolCall("t1", "ls", "{}", "a b", false, "completed", 1L, 5L)))
                .usage(new RunUsage(10L, 3L, 13L, 0.25))
                .model("m1", "p1")
                .stopReason("stop")
                .error("refusal", "no")
                .durationMs(42)
                .chunkCount(7)
                .reattached(true)
                .build();
    }

    @Test
    void aResultSetsBodyHeadersAndProperties() {
        Exchange exchange = new DefaultExchange(context);

        RunResultMapper.apply(exchange, result(RunOutcome.OK));

        var m = exchange.getMessage();
        assertThat(m.getBody()).isEqualTo("the reply");
        assertThat(m.getHeaders())
                .containsEntry(OpenClawConstants.SESSION_KEY, "agent:main:s")
                .containsEntry(OpenClawConstants.RUN_ID, "run-1")
                .containsEntry(OpenClawConstants.IDEMPOTENCY_KEY, "run-1")
                .containsEntry(OpenClawConstants.STATUS, "ok")
                .containsEntry(OpenClawConstants.INPUT_TOKENS, 10)
                .containsEntry(OpenClawConstants.OUTPUT_TOKENS, 3)
                .containsEntry(OpenClawConstants.TOTAL_TOKENS, 13)
                .containsEntry(OpenClawConstants.FINISH_CATEGORY, "FILTERED")
                .containsEntry(OpenClawConstants.COST, 0.25)
                .containsEntry(OpenClawConstants.MODEL, "m1")
                .containsEntry(OpenClawConstants.PROVIDER, "p1")
                .containsEntry(OpenClawConstants.STOP_REASON, "stop")
                .containsEntry(OpenClawConstants.ERROR_KIND, "refusal")
                .containsEntry(OpenClawConstants.ERROR_MESSAGE, "no")
                .containsEntry(OpenClawConstants.DURATION, 42L)
                .containsEntry(OpenClawConstants.CHUNK_COUNT, 7)
                .containsEntry(OpenClawConstants.REATTACHED, true);
        assertThat(exchange.getProperty(OpenClawConstants.THINKING_PROPERTY)).isEqualTo("hmm");
        assertThat((List<?>) exchange.getProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, List.class))
                .hasSize(1);
    }

    @Test
    void aFailureKeepsTheBodyAndTheSessionHeader() {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("the question");
        exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "s");

        RunResultMapper.applyFacts(exchange, result(RunOutcome.ERROR));

        assertThat(exchange.getMessage().getBody()).isEqualTo("the question");
        assertThat(exchange.getMessage().getHeader(OpenClawConstants.SESSION_KEY))
                .isEqualTo("s");
        assertThat(exchange.getMessage().getHeader(OpenClawConstants.STATUS)).isEqualTo("error");
    }

    @Test
    void unreportedTotalsAreComputedAndUnreportedFactsLeftOut() {
        Exchange exchange = new DefaultExchange(context);

        RunResultMapper.apply(
                exchange,
                AgentRunResult.builder("r", RunOutcome.SILENT)
                        .usage(new RunUsage(4L, 1L, null, null))
                        .durationMs(1)
                        .build());

        assertThat(exchange.getMessage().getHeader(OpenClawConstants.TOTAL_TOKENS))
                .isEqualTo(5);
        assertThat(exchange.getMessage().getHeader(OpenClawConstants.FINISH_CATEGORY))
                .isEqualTo("COMPLETED");
        assertThat(exchange.getMessage().getHeaders())
                .doesNotContainKeys(
                        OpenClawConstants.COST,
                        OpenClawConstants.MODEL,
                        OpenClawConstants.SESSION_KEY,
                        OpenClawConstants.ERROR_KIND);
        assertThat(exchange.getProperties()).doesNotContainKey(OpenClawConstants.THINKING_PROPERTY);
    }

    @Test
    void clearRemovesEveryResultOfAnEarlierCallButNotTheInputs() {
        Exchange exchange = new DefaultExchange(context);
        RunResultMapper.apply(exchange, result(RunOutcome.OK));

        RunResultMapper.clear(exchange);

        assertThat(exchange.getMessage().getHeaders())
                .containsOnlyKeys(OpenClawConstants.SESSION_KEY, OpenClawConstants.IDEMPOTENCY_KEY);
        assertThat(exchange.getProperties())
                .doesNotContainKeys(OpenClawConstants.THINKING_PROPERTY, OpenClawConstants.TOOL_CALLS_PROPERTY);
    }
}
