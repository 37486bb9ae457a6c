package io.camelopenclaw.testgateway;

import java.util.UUID;

/**
 * One message of a session transcript, stored once and rendered per protocol by {@link SessionViews}. Kept small
 * (the id as a {@link UUID}, not its text): a busy gateway holds a thousand of them per session.
 *
 * @param sender the starting client of a {@code chat.send} turn (shown as transport / sender label), else null
 */
record TranscriptEntry(
        Kind kind,
        UUID id,
        String runId,
        String text,
        long timestamp,
        ConnectParams sender,
        long inputTokens,
        long outputTokens,
        String errorMessage) {

    /** What the entry records. */
    enum Kind {
        /** The user's message. */
        USER,
        /** The agent's completed reply. */
        REPLY,
        /** The partial reply the gateway injects when a run is aborted. */
        ABORT_PARTIAL,
        /** The aborted model turn itself (kept by 2026.3.x next to the injected partial). */
        ABORTED_REPLY,
        /** A failed model turn. */
        ERROR
    }

    static TranscriptEntry user(Run run) {
        return new TranscriptEntry(
                Kind.USER,
                Ids.random(),
                run.runId,
                run.message,
                run.startedAt,
                run.chatSend() ? run.starter.connect() : null,
                0,
                0,
                null);
    }

    static TranscriptEntry reply(Kind kind, Run run, long timestamp, String errorMessage) {
        boolean counted = kind == Kind.REPLY;
        return new TranscriptEntry(
                kind,
                Ids.random(),
                run.runId,
                run.text(),
                timestamp,
                null,
                counted ? run.inputTokens() : 0,
                counted ? run.outputTokens() : 0,
                errorMessage);
    }
}
