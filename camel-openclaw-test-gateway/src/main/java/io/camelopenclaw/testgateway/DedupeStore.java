package io.camelopenclaw.testgateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs by idempotency key ({@code chat:<key>} and {@code agent:<key>}), which is also how {@code agent.wait} and
 * {@code chat.abort} find a run. Live runs are always kept; finished ones for 5 minutes, and at most
 * {@link #MAX_FINISHED} of them, as the real gateway's dedupe map ({@code DEDUPE_MAX}). Confined to the run engine
 * thread.
 */
final class DedupeStore {

    static final long TTL_MS = 300_000;
    static final int MAX_FINISHED = 1_000;

    /** In order of registration, finished runs moved to the end when they finish. */
    private final Map<String, Run> runs = new LinkedHashMap<>();

    Run find(Run.Origin origin, String idempotencyKey) {
        return runs.get(key(origin, idempotencyKey));
    }

    /** The run with this id, whichever method started it. */
    Run find(String runId) {
        Run run = runs.get(key(Run.Origin.CHAT_SEND, runId));
        return run != null ? run : runs.get(key(Run.Origin.AGENT, runId));
    }

    void add(Run run) {
        runs.put(key(run.origin, run.runId), run);
    }

    /** Records that a run reached its terminal state, and forgets expired entries. */
    void finished(Run run) {
        String key = key(run.origin, run.runId);
        runs.remove(key);
        runs.put(key, run);
        for (Iterator<Run> oldest = runs.values().iterator(); oldest.hasNext(); ) {
            Run candidate = oldest.next();
            if (!candidate.finished()) {
                continue;
            }
            if (runs.size() <= MAX_FINISHED && run.endedAt - candidate.endedAt <= TTL_MS) {
                return;
            }
            oldest.remove();
        }
    }

    private static String key(Run.Origin origin, String idempotencyKey) {
        return (origin == Run.Origin.CHAT_SEND ? "chat:" : "agent:") + idempotencyKey;
    }
}
