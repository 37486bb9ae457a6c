package io.camelopenclaw.testgateway;

import java.util.concurrent.ScheduledFuture;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * One agent run ({@code runId} = the request's {@code idempotencyKey}) and its progress. Confined to the run engine
 * thread.
 */
final class Run {

    /** Which RPC started the run; the two differ in events and responses. */
    enum Origin {
        CHAT_SEND,
        AGENT
    }

    /** Where the run is; the last three are terminal. */
    enum Status {
        QUEUED,
        RUNNING,
        OK,
        ERROR,
        ABORTED
    }

    final String runId;
    /** {@link #runId} as the event writers put it on the wire. */
    final SerializedString quotedRunId;

    final Origin origin;
    final Session session;
    final String message;
    /** What a replay with the same idempotency key must match. */
    final String fingerprint;

    final ClientConnection starter;
    /** The request id that receives the second {@code agent} response; null for {@code chat.send}. */
    final String agentRequestId;

    final AgentScript script;
    final String itemPrefix = Ids.uuid();
    final String taskId = Ids.uuid();
    final long acceptedAt = System.currentTimeMillis();

    Status status = Status.QUEUED;
    long startedAt;
    long endedAt;
    int nextStep;
    boolean delayServed;
    ScheduledFuture<?> timer;
    /** Chunks streamed so far; the fault {@code dropConnectionsAfterChunks} fires when it reaches {@link #dropAt}. */
    int textChunks;

    int dropAt = -1;
    int modelCalls;
    String toolCallId;
    String errorMessage;
    /** When the second model call of a silent turn started (protocol 4). */
    long retryStartedAt;
    /** The per-run seq of the first assistant event, 0 before it (shown in {@code chat.history}'s inFlightRun). */
    int firstTextSeq;
    /** Chat deltas sent so far. */
    int chatDeltas;
    /**
     * Whether the run's idempotency entry is written: 2026.3.13 writes it only when the dispatch of a
     * {@code chat.send} has settled, shortly after the final event; until then a repeated key gets
     * {@code in_flight} and {@code agent.wait} waits.
     */
    boolean settled;
    /** The chat delta held back until the end of the run, as the real gateway's live text pacing does. */
    String pendingDelta;

    boolean pendingReplace;

    private int seq;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();

    Run(
            Origin origin,
            Session session,
            RunRequest request,
            ClientConnection starter,
            String agentRequestId,
            AgentScript script) {
        this.runId = request.idempotencyKey();
        this.quotedRunId = new SerializedString(runId);
        this.origin = origin;
        this.session = session;
        this.message = request.message();
        this.fingerprint = request.fingerprint();
        this.starter = starter;
        this.agentRequestId = agentRequestId;
        this.script = script;
    }

    /** The next per-run {@code payload.seq}, shared by the chat and agent streams. */
    int nextSeq() {
        return ++seq;
    }

    boolean chatSend() {
        return origin == Origin.CHAT_SEND;
    }

    boolean finished() {
        return status == Status.OK || status == Status.ERROR || status == Status.ABORTED;
    }

    /** Appends a chunk, or replaces the text so far when {@code replace}. */
    void appendText(String chunk, boolean replace) {
        if (replace) {
            text.setLength(0);
        }
        text.append(chunk);
        textChunks++;
    }

    String text() {
        return text.toString();
    }

    /** Appends a reasoning chunk and returns the reasoning so far. */
    String appendThinking(String chunk) {
        return thinking.append(chunk).toString();
    }

    String itemId() {
        return itemPrefix + ":" + modelCalls;
    }

    long inputTokens() {
        return Math.max(1, message.length() / 4);
    }

    long outputTokens() {
        return textChunks;
    }
}
