package io.camelopenclaw.testgateway;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * A session: its transcript and its lane, which runs one run at a time and queues the others behind it. Confined to
 * the run engine thread.
 */
final class Session {

    final String key;
    /** {@link #key} as the event writers put it on the wire. */
    final SerializedString quotedKey;

    final long createdAt = System.currentTimeMillis();
    /** The connect params of the client whose request created the session. */
    final ConnectParams creator;

    final Deque<Run> queue = new ArrayDeque<>();
    Run active;
    Run lastRun;
    long updatedAt = createdAt;
    long inputTokens;
    long outputTokens;

    private String sessionId = UUID.randomUUID().toString();
    private final List<TranscriptEntry> transcript = new ArrayList<>();
    /** The newest messages kept; older ones are trimmed in batches of a tenth, so long runs do not grow. */
    private final int transcriptLimit;

    Session(String key, ConnectParams creator, int transcriptLimit) {
        this.key = key;
        this.quotedKey = new SerializedString(key);
        this.creator = creator;
        this.transcriptLimit = transcriptLimit;
    }

    String sessionId() {
        return sessionId;
    }

    boolean idle() {
        return active == null && queue.isEmpty();
    }

    List<TranscriptEntry> transcript() {
        return transcript;
    }

    void append(TranscriptEntry entry) {
        transcript.add(entry);
        if (transcript.size() >= transcriptLimit + Math.max(1, transcriptLimit / 10)) {
            transcript.subList(0, transcript.size() - transcriptLimit).clear();
        }
        updatedAt = entry.timestamp();
    }

    /** Inserts an entry just before the user message of a run (where 2026.3.x shows the injected abort partial). */
    void insertBeforeUserOf(String runId, TranscriptEntry entry) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            TranscriptEntry candidate = transcript.get(i);
            if (candidate.kind() == TranscriptEntry.Kind.USER
                    && candidate.runId().equals(runId)) {
                transcript.add(i, entry);
                return;
            }
        }
        append(entry);
    }

    /** Starts a new transcript under a new session id. */
    void reset() {
        sessionId = UUID.randomUUID().toString();
        transcript.clear();
        inputTokens = 0;
        outputTokens = 0;
        updatedAt = System.currentTimeMillis();
    }
}
