package io.camelopenclaw.client.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.json.JsonValues;

/**
 * A run that has ended in a session, as {@code chat.history} shows it (see {@link SessionHistory}).
 *
 * @param sessionKey   the session's canonical key
 * @param runId        the run id the gateway tagged the run's rows with
 * @param outcome      {@link RunOutcome#OK}, {@link RunOutcome#SILENT}, {@link RunOutcome#ABORTED} or
 *                     {@link RunOutcome#ERROR}
 * @param text         the reply (or an abort's partial) text, or {@code null}
 * @param errorMessage the error text of a failed or aborted run, or {@code null}
 * @param message      the run's last assistant row
 */
public record FinishedRun(
        String sessionKey, String runId, RunOutcome outcome, String text, String errorMessage, JsonNode message) {

    /**
     * The run's end as the terminal {@code chat} event a connection would have received: {@code runId},
     * {@code sessionKey}, {@code state} ({@code final}, {@code aborted} or {@code error}), the row as
     * {@code message}, its {@code stopReason} and {@code errorMessage}; no connection sequence number.
     */
    public GatewayEvent asChatEvent(long receivedAt) {
        ObjectNode payload = JsonValues.object();
        payload.put("runId", runId).put("sessionKey", sessionKey).put("state", state());
        String stopReason = JsonValues.text(message, "stopReason");
        if (stopReason != null) {
            payload.put("stopReason", stopReason);
        }
        if (errorMessage != null) {
            payload.put("errorMessage", errorMessage);
        }
        payload.set("message", message);
        return new GatewayEvent("chat", payload, null, false, receivedAt);
    }

    private String state() {
        return switch (outcome) {
            case ABORTED -> "aborted";
            case ERROR -> "error";
            default -> "final";
        };
    }
}
