package io.camelopenclaw.client.run;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * How a finished run looks in a {@code chat.history} page, for runs whose events were missed. Rows of the run are
 * found by their tags (2026.9.6: {@code __openclaw.runId}; both generations tag an abort's injected partial with
 * {@code idempotencyKey "<runId>:assistant"} and {@code openclawAbort.runId}); untagged 2026.3.13 rows by position:
 * the rows after the last user message with the run's text. A row with {@code openclawAbort} or
 * {@code stopReason:"aborted"} means aborted, {@code stopReason:"error"} failed, assistant text a reply, and no
 * assistant row a silent turn (history drops {@code NO_REPLY} rows).
 *
 * @param outcome      how the run ended
 * @param text         the reply (or partial) text, or {@code null}
 * @param errorMessage the row's error message, or {@code null}
 * @param tagged       whether the rows carry the run id (then they are the run's for sure; untagged rows of a run
 *                     that is still going on look like a silent turn)
 */
record HistoryReply(RunOutcome outcome, String text, String errorMessage, boolean tagged) {

    private static final String ASSISTANT_KEY_SUFFIX = ":assistant";

    /**
     * Reads the run's rows from a {@code chat.history} result; {@code null} when the page does not show the run
     * ({@code message}, the run's user text for untagged rows, may be {@code null} to look for tagged rows only).
     */
    static HistoryReply of(JsonNode history, String runId, String message) {
        List<JsonNode> rows = tagged(history.path("messages"), runId);
        boolean tagged = !rows.isEmpty();
        if (!tagged) {
            rows = message == null ? null : afterUserMessage(history.path("messages"), message);
            if (rows == null) {
                return null;
            }
        }
        String text = null;
        for (JsonNode row : rows) {
            String stopReason = JsonValues.text(row, "stopReason");
            String rowText = RunEventApplier.messageText(row);
            if (row.hasNonNull("openclawAbort") || "aborted".equals(stopReason)) {
                return new HistoryReply(RunOutcome.ABORTED, rowText, JsonValues.text(row, "errorMessage"), tagged);
            }
            if ("error".equals(stopReason)) {
                String error = JsonValues.text(row, "errorMessage");
                return new HistoryReply(RunOutcome.ERROR, rowText, error != null ? error : rowText, tagged);
            }
            if (rowText != null && !rowText.isEmpty()) {
                text = text == null ? rowText : text + "\n\n" + rowText;
            }
        }
        return new HistoryReply(text == null ? RunOutcome.SILENT : RunOutcome.OK, text, null, tagged);
    }

    private static List<JsonNode> tagged(JsonNode messages, String runId) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : messages) {
            if (runId.equals(runIdOf(row))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The run id an assistant row is tagged with, or {@code null} (user rows, untagged 2026.3.13 rows). */
    static String runIdOf(JsonNode row) {
        if (!"assistant".equals(JsonValues.text(row, "role"))) {
            return null;
        }
        String runId = JsonValues.text(row.path("__openclaw"), "runId");
        if (runId == null) {
            runId = JsonValues.text(row.path("openclawAbort"), "runId");
        }
        String key = JsonValues.text(row, "idempotencyKey");
        if (runId == null && key != null && key.endsWith(ASSISTANT_KEY_SUFFIX)) {
            runId = key.substring(0, key.length() - ASSISTANT_KEY_SUFFIX.length());
        }
        return runId;
    }

    /** The assistant rows after the last user message with this text, or {@code null} when there is none. */
    private static List<JsonNode> afterUserMessage(JsonNode messages, String message) {
        int user = -1;
        for (int i = messages.size() - 1; i >= 0 && user < 0; i--) {
            JsonNode row = messages.get(i);
            if ("user".equals(JsonValues.text(row, "role")) && message.equals(RunEventApplier.messageText(row))) {
                user = i;
            }
        }
        if (user < 0) {
            return null;
        }
        List<JsonNode> rows = new ArrayList<>();
        for (int i = user + 1; i < messages.size() && !"user".equals(JsonValues.text(messages.get(i), "role")); i++) {
            if ("assistant".equals(JsonValues.text(messages.get(i), "role"))) {
                rows.add(messages.get(i));
            }
        }
        return rows;
    }
}
