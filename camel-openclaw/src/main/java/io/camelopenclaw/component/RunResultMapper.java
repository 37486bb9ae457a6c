package io.camelopenclaw.component;

import java.util.List;

import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunUsage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes an agent run's result onto an exchange: the reply text as the body, the run's facts as
 * {@code CamelOpenClaw*} headers, tool calls and thinking text as exchange properties. Used by the agent producer and
 * the agent consumer, so both produce the same message.
 */
final class RunResultMapper {

    /** The headers a run's result sets; {@link #clear} removes them before a call. */
    private static final List<String> RESULT_HEADERS = List.of(
            OpenClawConstants.RUN_ID,
            OpenClawConstants.STATUS,
            OpenClawConstants.STOP_REASON,
            OpenClawConstants.FINISH_CATEGORY,
            OpenClawConstants.ERROR_KIND,
            OpenClawConstants.ERROR_MESSAGE,
            OpenClawConstants.INPUT_TOKENS,
            OpenClawConstants.OUTPUT_TOKENS,
            OpenClawConstants.TOTAL_TOKENS,
            OpenClawConstants.COST,
            OpenClawConstants.MODEL,
            OpenClawConstants.PROVIDER,
            OpenClawConstants.DURATION,
            OpenClawConstants.CHUNK_COUNT,
            OpenClawConstants.REATTACHED);

    private RunResultMapper() {}

    /**
     * Removes what an earlier run (of this or another {@code openclaw:agent} endpoint) left on the exchange: the
     * result headers and properties. The input headers (session key, idempotency key) stay.
     */
    static void clear(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.hasHeaders()) {
            RESULT_HEADERS.forEach(message::removeHeader);
        }
        exchange.removeProperty(OpenClawConstants.TOOL_CALLS_PROPERTY);
        exchange.removeProperty(OpenClawConstants.THINKING_PROPERTY);
    }

    /** A finished run: body, headers (including the canonical session key) and properties. */
    static void apply(Exchange exchange, AgentRunResult result) {
        Message message = exchange.getMessage();
        message.setBody(result.text());
        setIfPresent(message, OpenClawConstants.SESSION_KEY, result.sessionKey());
        applyFacts(exchange, result);
    }

    /**
     * The headers and properties only, for a run that failed. The body and the session key header stay as they were, so a
     * redelivery sends the same message to the same session with the same idempotency key.
     */
    static void applyFacts(Exchange exchange, AgentRunResult result) {
        Message message = exchange.getMessage();
        message.setHeader(OpenClawConstants.RUN_ID, result.runId());
        message.setHeader(OpenClawConstants.IDEMPOTENCY_KEY, result.runId());
        message.setHeader(OpenClawConstants.STATUS, result.outcome().label());
        message.setHeader(
                OpenClawConstants.FINISH_CATEGORY, result.finishCategory().name());
        message.setHeader(OpenClawConstants.DURATION, result.durationMs());
        message.setHeader(OpenClawConstants.CHUNK_COUNT, result.chunkCount());
        message.setHeader(OpenClawConstants.REATTACHED, result.reattached());
        setIfPresent(message, OpenClawConstants.STOP_REASON, result.stopReason());
        setIfPresent(message, OpenClawConstants.ERROR_KIND, result.errorKind());
        setIfPresent(message, OpenClawConstants.ERROR_MESSAGE, result.errorMessage());
        setIfPresent(message, OpenClawConstants.MODEL, result.model());
        setIfPresent(message, OpenClawConstants.PROVIDER, result.provider());
        RunUsage usage = result.usage();
        if (usage != null) {
            setIfPresent(message, OpenClawConstants.INPUT_TOKENS, tokens(usage.inputTokens()));
            setIfPresent(message, OpenClawConstants.OUTPUT_TOKENS, tokens(usage.outputTokens()));
            setIfPresent(message, OpenClawConstants.TOTAL_TOKENS, tokens(usage.effectiveTotalTokens()));
            setIfPresent(message, OpenClawConstants.COST, usage.cost());
        }
        exchange.setProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, result.toolCalls());
        if (result.thinking() != null) {
            exchange.setProperty(OpenClawConstants.THINKING_PROPERTY, result.thinking());
        }
    }

    /** A token count as the Integer Camel's AI components use (saturated: no run reaches 2^31 tokens). */
    private static Integer tokens(Long count) {
        return count == null ? null : (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** Sets a header unless the value is {@code null}. */
    static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
