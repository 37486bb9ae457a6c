package io.camelopenclaw.client.run;

import java.util.Locale;
import java.util.Set;

/**
 * Why a run finished, normalized across providers the way Camel's AI components report it: the gateway's stop reason
 * (which passes the provider's on: {@code stop}, {@code length}, {@code toolUse}, {@code content_filter}, ...) and the
 * run's outcome, mapped onto five categories.
 */
public enum FinishCategory {
    /** The model finished its answer (or, for a silent turn, chose to give none). */
    COMPLETED,
    /** The answer was cut at a token limit. */
    TRUNCATED,
    /** The model stopped to call a tool. */
    TOOL_CALL,
    /** A content filter or the model's refusal stopped the answer. */
    FILTERED,
    /** Anything else: aborts, timeouts, failures, reasons without a category. */
    OTHER;

    private static final Set<String> COMPLETED_REASONS =
            Set.of("stop", "end_turn", "endturn", "stop_sequence", "stopsequence", "completed");
    private static final Set<String> TRUNCATED_REASONS =
            Set.of("length", "max_tokens", "maxtokens", "model_length", "max_output_tokens");
    private static final Set<String> TOOL_CALL_REASONS =
            Set.of("tooluse", "tool_use", "tool_calls", "toolcalls", "function_call", "tool_call");
    private static final Set<String> FILTERED_REASONS =
            Set.of("content_filter", "contentfilter", "refusal", "safety", "filtered");

    /** The category of a run that ended with {@code outcome}, the gateway's {@code stopReason} and {@code errorKind}. */
    public static FinishCategory of(RunOutcome outcome, String stopReason, String errorKind) {
        if ("refusal".equals(errorKind)) {
            return FILTERED;
        }
        if (outcome == RunOutcome.ABORTED || outcome == RunOutcome.TIMEOUT) {
            return OTHER;
        }
        String reason = stopReason == null ? "" : stopReason.toLowerCase(Locale.ROOT);
        if (TRUNCATED_REASONS.contains(reason)) {
            return TRUNCATED;
        }
        if (TOOL_CALL_REASONS.contains(reason)) {
            return TOOL_CALL;
        }
        if (FILTERED_REASONS.contains(reason)) {
            return FILTERED;
        }
        if (outcome == RunOutcome.ERROR) {
            return OTHER;
        }
        return reason.isEmpty() || COMPLETED_REASONS.contains(reason) ? COMPLETED : OTHER;
    }
}
