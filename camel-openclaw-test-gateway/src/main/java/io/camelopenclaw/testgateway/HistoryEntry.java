package io.camelopenclaw.testgateway;

/**
 * A message of a session transcript, for test assertions ({@link TestGateway#history(String)}).
 *
 * @param role       {@code user} or {@code assistant}
 * @param text       the message text (partial for aborted runs, empty for failed ones)
 * @param runId      the run the message belongs to
 * @param stopReason {@code stop}, {@code aborted} or {@code error} for assistant messages, null for user messages
 * @param timestamp  epoch milliseconds
 */
public record HistoryEntry(String role, String text, String runId, String stopReason, long timestamp) {
}
