package io.camelopenclaw.client.run;

import java.util.List;

/**
 * The aggregated result of an agent run; built with {@link #builder(String, RunOutcome)}.
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
public record AgentRunResult(
        String runId,
        String sessionKey,
        RunOutcome outcome,
        String text,
        String thinking,
        List<ToolCall> toolCalls,
        RunUsage usage,
        String model,
        String provider,
        String stopReason,
        String errorKind,
        String errorMessage,
        long durationMs,
        int chunkCount,
        boolean reattached) {

    public AgentRunResult {
        toolCalls = List.copyOf(toolCalls);
    }

    /** Why the run finished, in the categories Camel's AI components share. */
    public FinishCategory finishCategory() {
        return FinishCategory.of(outcome, stopReason, errorKind);
    }

    /** A result of this run and outcome: no text, tool calls or usage until set. */
    public static Builder builder(String runId, RunOutcome outcome) {
        return new Builder(runId, outcome);
    }

    /** Builds an {@link AgentRunResult}; unset parts are empty ({@code ""}, no tool calls, no usage) or {@code null}. */
    public static final class Builder {
        private final String runId;
        private final RunOutcome outcome;
        private String sessionKey;
        private String text = "";
        private String thinking;
        private List<ToolCall> toolCalls = List.of();
        private RunUsage usage = RunUsage.NONE;
        private String model;
        private String provider;
        private String stopReason;
        private String errorKind;
        private String errorMessage;
        private long durationMs;
        private int chunkCount;
        private boolean reattached;

        private Builder(String runId, RunOutcome outcome) {
            this.runId = runId;
            this.outcome = outcome;
        }

        public Builder sessionKey(String sessionKey) {
            this.sessionKey = sessionKey;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder thinking(String thinking) {
            this.thinking = thinking;
            return this;
        }

        public Builder toolCalls(List<ToolCall> toolCalls) {
            this.toolCalls = toolCalls;
            return this;
        }

        public Builder usage(RunUsage usage) {
            this.usage = usage;
            return this;
        }

        public Builder model(String model, String provider) {
            this.model = model;
            this.provider = provider;
            return this;
        }

        public Builder stopReason(String stopReason) {
            this.stopReason = stopReason;
            return this;
        }

        public Builder error(String errorKind, String errorMessage) {
            this.errorKind = errorKind;
            this.errorMessage = errorMessage;
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder chunkCount(int chunkCount) {
            this.chunkCount = chunkCount;
            return this;
        }

        public Builder reattached(boolean reattached) {
            this.reattached = reattached;
            return this;
        }

        public AgentRunResult build() {
            return new AgentRunResult(
                    runId,
                    sessionKey,
                    outcome,
                    text,
                    thinking,
                    toolCalls,
                    usage,
                    model,
                    provider,
                    stopReason,
                    errorKind,
                    errorMessage,
                    durationMs,
                    chunkCount,
                    reattached);
        }
    }
}
