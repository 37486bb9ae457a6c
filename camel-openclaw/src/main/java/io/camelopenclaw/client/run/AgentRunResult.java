package io.camelopenclaw.client.run;

import java.util.List;

/**
 * The aggregated result of an agent run.
 *
 * @param runId        the run id (= the idempotency key)
 * @param sessionKey   the canonical session key reported by the gateway
 * @param outcome      how the run ended
 * @param text         the aggregated reply text ({@code ""} when silent)
 * @param thinking     aggregated thinking text, or {@code null} when none was streamed
 * @param toolCalls    tool calls in the order they started
 * @param usage        token usage and cost as far as reported
 * @param model        the model that answered, or {@code null}
 * @param provider     the model provider, or {@code null}
 * @param stopReason   the gateway's stop reason ({@code stop}, {@code rpc}, ...), or {@code null}
 * @param errorKind    for {@link RunOutcome#ERROR}: {@code refusal}, {@code timeout}, {@code rate_limit},
 *                     {@code context_length}, {@code unknown}; else {@code null}
 * @param errorMessage the gateway's error text, or the client's reason for a timeout; else {@code null}
 * @param durationMs   wall-clock time from sending to the terminal event, on the client
 * @param chunkCount   the number of chunks streamed
 * @param reattached   whether the run survived a lost connection or a missed terminal event and was recovered
 *                     (by its continuing events, {@code agent.wait} or {@code chat.history})
 */
public record AgentRunResult(String runId, String sessionKey, RunOutcome outcome, String text, String thinking,
        List<ToolCall> toolCalls, RunUsage usage, String model, String provider, String stopReason, String errorKind,
        String errorMessage, long durationMs, int chunkCount, boolean reattached) {

    public AgentRunResult {
        toolCalls = List.copyOf(toolCalls);
    }

    /** Why the run finished, in the categories Camel's AI components share. */
    public FinishCategory finishCategory() {
        return FinishCategory.of(outcome, stopReason, errorKind);
    }
}
