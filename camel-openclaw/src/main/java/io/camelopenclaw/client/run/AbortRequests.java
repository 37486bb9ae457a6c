package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * The gateway's two ways to abort: {@code chat.abort {sessionKey, runId?}} (a session's current run, or that run of
 * the session) and {@code sessions.abort {runId}} (a run wherever it runs). Both answer
 * {@code {ok, aborted, runIds}}.
 */
public final class AbortRequests {

    private AbortRequests() {}

    /** {@code chat.abort}; {@code runId} may be {@code null} to abort whatever the session is running. */
    public static CompletableFuture<JsonNode> chatAbort(
            RunTransport transport, String sessionKey, String runId, Duration timeout) {
        ObjectNode params = JsonValues.object();
        params.put("sessionKey", sessionKey);
        if (runId != null) {
            params.put("runId", runId);
        }
        return transport.request("chat.abort", params, timeout, false, null);
    }

    /** {@code sessions.abort {runId}}. */
    public static CompletableFuture<JsonNode> sessionsAbort(RunTransport transport, String runId, Duration timeout) {
        ObjectNode params = JsonValues.object();
        params.put("runId", runId);
        return transport.request("sessions.abort", params, timeout, false, null);
    }
}
