package io.camelopenclaw.component;

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

    private RunResultMapper() {
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
            setIfPresent(message, OpenClawConstants.INPUT_TOKENS, usage.inputTokens());
            setIfPresent(message, OpenClawConstants.OUTPUT_TOKENS, usage.outputTokens());
            setIfPresent(message, OpenClawConstants.TOTAL_TOKENS, usage.effectiveTotalTokens());
            setIfPresent(message, OpenClawConstants.COST, usage.cost());
        }
        exchange.setProperty(OpenClawConstants.TOOL_CALLS_PROPERTY, result.toolCalls());
        if (result.thinking() != null) {
            exchange.setProperty(OpenClawConstants.THINKING_PROPERTY, result.thinking());
        }
    }

    /** Sets a header unless the value is {@code null}. */
    static void setIfPresent(Message message, String header, Object value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
