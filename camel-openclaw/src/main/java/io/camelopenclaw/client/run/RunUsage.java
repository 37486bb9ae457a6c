package io.camelopenclaw.client.run;

/**
 * Token usage and cost of a run as reported by the gateway; each value is {@code null} when the gateway did not report
 * it.
 */
public record RunUsage(Long inputTokens, Long outputTokens, Long totalTokens, Double cost) {

    /** No usage reported. */
    public static final RunUsage NONE = new RunUsage(null, null, null, null);

    /** This usage with every value that {@code other} reports replacing this one's. */
    public RunUsage merge(RunUsage other) {
        return new RunUsage(
                other.inputTokens != null ? other.inputTokens : inputTokens,
                other.outputTokens != null ? other.outputTokens : outputTokens,
                other.totalTokens != null ? other.totalTokens : totalTokens,
                other.cost != null ? other.cost : cost);
    }

    /** The reported total, or input plus output when both are known. */
    public Long effectiveTotalTokens() {
        if (totalTokens != null) {
            return totalTokens;
        }
        return inputTokens != null && outputTokens != null ? inputTokens + outputTokens : null;
    }
}
