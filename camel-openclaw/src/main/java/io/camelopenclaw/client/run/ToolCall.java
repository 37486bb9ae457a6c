package io.camelopenclaw.client.run;

/**
 * One tool call made by the agent during a run (from the {@code tool} stream, which needs the {@code tool-events}
 * capability, or from the {@code item} activity stream).
 *
 * @param toolCallId the gateway's tool call id
 * @param name       the tool name
 * @param argsJson   the arguments as JSON text, or {@code null}
 * @param resultText the text content of the result, or {@code null} (older gateways strip results)
 * @param isError    whether the tool reported an error; {@code null} while running
 * @param status     {@code running}, {@code completed}, {@code failed} or {@code blocked}
 * @param startedAt  epoch ms, or {@code null}
 * @param endedAt    epoch ms, or {@code null}
 */
public record ToolCall(
        String toolCallId,
        String name,
        String argsJson,
        String resultText,
        Boolean isError,
        String status,
        Long startedAt,
        Long endedAt) {

    /** Duration in milliseconds when both timestamps are known, else {@code null}. */
    public Long durationMs() {
        return startedAt != null && endedAt != null ? endedAt - startedAt : null;
    }
}
