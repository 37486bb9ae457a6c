package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Reads what sessions hold, for clients that missed events: the sessions ({@code sessions.list}) and the runs that
 * ended in a session ({@code chat.history}). Only protocol 4 gateways (2026.9.x) tag history rows with their run id
 * ({@code __openclaw.runId}, and an abort's partial with {@code openclawAbort.runId}); protocol 3 rows carry none,
 * so {@link #finishedRuns} fails there.
 */
public final class SessionHistory {

    private SessionHistory() {}

    /**
     * The keys of all the gateway's sessions, most recently updated first. Protocol 4 gateways answer
     * {@code sessions.list} a page at a time (100 sessions by default) and say where the next page starts
     * ({@code hasMore}, {@code nextOffset}); the pages are read one after the other. A gateway that names no
     * {@code nextOffset} is read in one answer (2026.3.13 answers with every session and refuses an {@code offset}).
     * A session updated while the pages are read moves to the front, so a key may come twice from the gateway; it is
     * listed once.
     */
    public static CompletableFuture<List<String>> sessionKeys(RunTransport transport, Duration timeout) {
        return sessionKeys(transport, timeout, JsonValues.object(), new LinkedHashSet<>());
    }

    private static CompletableFuture<List<String>> sessionKeys(
            RunTransport transport, Duration timeout, ObjectNode params, Set<String> keys) {
        return transport.request("sessions.list", params, timeout, false, null).thenCompose(page -> {
            JsonNode rows = page.path("sessions");
            rows.forEach(row -> {
                String key = JsonValues.text(row, "key");
                if (key != null) {
                    keys.add(key);
                }
            });
            Long next = JsonValues.number(page, "nextOffset");
            long offset = params.path("offset").asLong();
            if (!Boolean.TRUE.equals(JsonValues.bool(page, "hasMore"))
                    || next == null
                    || next <= offset
                    || rows.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(keys));
            }
            return sessionKeys(transport, timeout, JsonValues.object().put("offset", next), keys);
        });
    }

    /**
     * The runs that ended among the newest {@code limit} messages of a session, oldest first. A run still going on
     * (the result's {@code inFlightRun}) is left out, as are silent turns (history drops their rows).
     */
    public static CompletableFuture<List<FinishedRun>> finishedRuns(
            RunTransport transport, String sessionKey, int limit, Duration timeout) {
        GatewayInfo info = transport.info();
        if (info != null && info.protocol() < 4) {
            return CompletableFuture.failedFuture(new GatewayException("Protocol " + info.protocol() + " gateway "
                    + info.serverVersion() + ": its chat.history rows carry no run ids, so finished runs cannot be"
                    + " told apart (needs protocol 4, OpenClaw 2026.9 or later)"));
        }
        ObjectNode params = JsonValues.object();
        params.put("sessionKey", sessionKey);
        params.put("limit", limit);
        return transport
                .request("chat.history", params, timeout, false, null)
                .thenApply(res -> finishedRuns(res, sessionKey));
    }

    static List<FinishedRun> finishedRuns(JsonNode history, String sessionKey) {
        String key = JsonValues.text(history, "sessionKey");
        String session = key != null ? key : sessionKey;
        String inFlight = JsonValues.text(history.path("inFlightRun"), "runId");
        Map<String, JsonNode> lastRows = new LinkedHashMap<>();
        for (JsonNode row : history.path("messages")) {
            String runId = HistoryReply.runIdOf(row);
            if (runId != null && !runId.equals(inFlight)) {
                lastRows.remove(runId); // keeps the order of the runs' last rows
                lastRows.put(runId, row);
            }
        }
        List<FinishedRun> runs = new ArrayList<>(lastRows.size());
        lastRows.forEach((runId, row) -> {
            HistoryReply reply = HistoryReply.of(history, runId, null);
            runs.add(new FinishedRun(session, runId, reply.outcome(), reply.text(), reply.errorMessage(), row));
        });
        return runs;
    }
}
