package io.camelopenclaw.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * One gateway event, as delivered to {@link GatewayEventListener}s.
 *
 * @param name          the event name, e.g. {@code chat}, {@code agent}, {@code presence}, {@code tick}
 * @param payload       the event payload (a JSON object, or {@code null})
 * @param connectionSeq the per-connection sequence number, or {@code null} when the gateway sent none
 * @param gap           {@code true} on the first event after events were missed: a sequence gap, an event dropped
 *                      because listeners were too slow, or a reconnect
 * @param receivedAt    epoch milliseconds when the client received it
 */
public record GatewayEvent(String name, JsonNode payload, Long connectionSeq, boolean gap, long receivedAt) {

    /** {@code payload.runId} or {@code null}. */
    public String runId() {
        return text("runId");
    }

    /** {@code payload.sessionKey} (canonical) or {@code null}. */
    public String sessionKey() {
        return text("sessionKey");
    }

    /** {@code payload.agentId} or {@code null}. */
    public String agentId() {
        return text("agentId");
    }

    /** For {@code agent} events, the stream: {@code lifecycle}, {@code assistant}, {@code thinking}, {@code tool}, ... */
    public String stream() {
        return text("stream");
    }

    /** For {@code chat} events, the state: {@code delta}, {@code final}, {@code aborted}, {@code error}, ... */
    public String state() {
        return text("state");
    }

    /** The per-run sequence number {@code payload.seq}, or {@code null}. */
    public Long runSeq() {
        JsonNode seq = payload == null ? null : payload.get("seq");
        return seq != null && seq.canConvertToLong() ? seq.asLong() : null;
    }

    /** The payload as JSON text ({@code null} when there is none). */
    public String payloadAsJson() {
        return payload == null ? null : payload.toString();
    }

    private String text(String field) {
        return JsonValues.text(payload, field);
    }
}
