package io.camelopenclaw.client.run;

/**
 * One streamed piece of a run, delivered in order while the run is in flight.
 *
 * @param runId    the run
 * @param index    0-based position of this chunk among the run's chunks
 * @param kind     what the chunk carries
 * @param text     the text increment ({@link Kind#TEXT}, {@link Kind#THINKING}); the replacing text when
 *                 {@code replace}; {@code null} for tool chunks
 * @param replace  {@code true} when the text replaces everything received so far
 * @param toolCall the tool call state for tool chunks, else {@code null}
 * @param runSeq   the gateway's per-run {@code payload.seq}, or {@code null}
 */
public record RunChunk(
        String runId, int index, Kind kind, String text, boolean replace, ToolCall toolCall, Long runSeq) {

    /** What a chunk carries. */
    public enum Kind {
        TEXT,
        THINKING,
        TOOL_START,
        TOOL_UPDATE,
        TOOL_RESULT
    }
}
