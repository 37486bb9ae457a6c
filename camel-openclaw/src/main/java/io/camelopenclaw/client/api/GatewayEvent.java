package io.camelopenclaw.client.api;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.LazyJsonObject;

/**
 * One gateway event, as delivered to {@link GatewayEventListener}s. Its payload's own fields are read when the frame
 * arrives; the payload as a whole tree ({@link #payload()}) is built on first use unless a listener was registered
 * when the frame arrived (then it is built at once).
 */
public final class GatewayEvent {

    private final String name;
    private final LazyJsonObject fields;
    private final Long connectionSeq;
    private final boolean gap;
    private final long receivedAt;

    /**
     * @param name          the event name, e.g. {@code chat}, {@code agent}, {@code presence}, {@code tick}
     * @param payload       the event payload (a JSON object, or {@code null})
     * @param connectionSeq the per-connection sequence number, or {@code null} when the gateway sent none
     * @param gap           {@code true} on the first event after events were missed: a sequence gap, an event dropped
     *                      because listeners were too slow, or a reconnect
     * @param receivedAt    epoch milliseconds when the client received it
     */
    public GatewayEvent(String name, JsonNode payload, Long connectionSeq, boolean gap, long receivedAt) {
        this(name, LazyJsonObject.of(payload), connectionSeq, gap, receivedAt);
    }

    /** An event whose payload is read field by field ({@link LazyJsonObject}); otherwise as above. */
    public GatewayEvent(String name, LazyJsonObject fields, Long connectionSeq, boolean gap, long receivedAt) {
        this.name = name;
        this.fields = fields == null ? LazyJsonObject.EMPTY : fields;
        this.connectionSeq = connectionSeq;
        this.gap = gap;
        this.receivedAt = receivedAt;
    }

    /** The event name, e.g. {@code chat}, {@code agent}, {@code presence}, {@code tick}. */
    public String name() {
        return name;
    }

    /** The event payload as a tree (a JSON object, or {@code null}). */
    public JsonNode payload() {
        return fields.tree();
    }

    /** The payload's fields, read without building the whole tree. */
    public LazyJsonObject fields() {
        return fields;
    }

    /** The per-connection sequence number, or {@code null} when the gateway sent none. */
    public Long connectionSeq() {
        return connectionSeq;
    }

    /** {@code true} on the first event after events were missed (sequence gap, dropped event, reconnect). */
    public boolean gap() {
        return gap;
    }

    /** Epoch milliseconds when the client received it. */
    public long receivedAt() {
        return receivedAt;
    }

    /** {@code payload.runId} or {@code null}. */
    public String runId() {
        return fields.text("runId");
    }

    /** {@code payload.sessionKey} (canonical) or {@code null}. */
    public String sessionKey() {
        return fields.text("sessionKey");
    }

    /** {@code payload.agentId} or {@code null}. */
    public String agentId() {
        return fields.text("agentId");
    }

    /** For {@code agent} events, the stream: {@code lifecycle}, {@code assistant}, {@code thinking}, {@code tool}, ... */
    public String stream() {
        return fields.text("stream");
    }

    /** For {@code chat} events, the state: {@code delta}, {@code final}, {@code aborted}, {@code error}, ... */
    public String state() {
        return fields.text("state");
    }

    /** The per-run sequence number {@code payload.seq}, or {@code null}. */
    public Long runSeq() {
        JsonNode seq = fields.get("seq");
        return seq != null && seq.canConvertToLong() ? seq.asLong() : null;
    }

    /** The payload as JSON text ({@code null} when there is none). */
    public String payloadAsJson() {
        JsonNode payload = payload();
        return payload == null ? null : payload.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayEvent other
                && gap == other.gap
                && receivedAt == other.receivedAt
                && Objects.equals(name, other.name)
                && Objects.equals(payload(), other.payload())
                && Objects.equals(connectionSeq, other.connectionSeq);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, payload(), connectionSeq, gap, receivedAt);
    }

    @Override
    public String toString() {
        return "GatewayEvent[name=" + name + ", payload=" + fields + ", connectionSeq=" + connectionSeq + ", gap=" + gap
                + ", receivedAt=" + receivedAt + "]";
    }
}
