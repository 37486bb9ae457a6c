package io.camelopenclaw.client.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * Everything known about one in-flight run. Mutated only on the client's event thread; the result future is the only
 * thing other threads touch.
 */
final class RunState {

    final AgentRunRequest request;
    final String runId;
    final long startNanos = System.nanoTime();
    final long deadlineNanos;
    final CompletableFuture<AgentRunResult> result = new CompletableFuture<>();
    final ReplyAggregator reply = new ReplyAggregator();
    final Map<String, ToolCall> toolCalls = new LinkedHashMap<>();

    String sessionKey;
    StringBuilder thinking;
    RunUsage usage = RunUsage.NONE;
    String model;
    String provider;
    String stopReason;
    String errorKind;
    String errorMessage;
    String finalText;
    int chunkCount;
    /** The highest per-run {@code seq} of an {@code agent} event applied so far. */
    long lastAgentSeq = -1;
    /** The gateway ended the run without a user-visible reply ({@code terminalReply.disposition:"silent"}). */
    boolean silentEnd;
    /** When the run was last probed for having gone quiet (see {@code RunTracker.sweep}). */
    long lastProbeNanos;
    /** An {@code agent.wait} for this run is under way. */
    boolean reconciling;
    /** The text may have moved on while events were missed: the next cumulative snapshot realigns it. */
    boolean resync;

    long lastEventNanos = startNanos;
    long reattachDeadlineNanos;
    boolean acknowledged;
    boolean detached;
    boolean reattached;
    boolean abortRequested;
    boolean terminal;

    RunState(AgentRunRequest request, String runId) {
        this.request = request;
        this.runId = runId;
        this.sessionKey = request.sessionKey();
        this.deadlineNanos = request.runTimeout() == null
                ? 0
                : startNanos + request.runTimeout().toNanos();
    }

    void touch() {
        lastEventNanos = System.nanoTime();
        reattachDeadlineNanos = 0;
    }

    int nextChunkIndex() {
        return chunkCount++;
    }

    void appendThinking(String delta) {
        if (thinking == null) {
            thinking = new StringBuilder();
        }
        thinking.append(delta);
    }

    /** Merges a tool call update from the {@code tool} or {@code item} stream. */
    ToolCall updateTool(
            String id,
            String name,
            String argsJson,
            String resultText,
            Boolean isError,
            String status,
            Long startedAt,
            Long endedAt) {
        ToolCall old = toolCalls.get(id);
        ToolCall merged = old == null
                ? new ToolCall(id, name, argsJson, resultText, isError, status, startedAt, endedAt)
                : new ToolCall(
                        id,
                        pick(name, old.name()),
                        pick(argsJson, old.argsJson()),
                        pick(resultText, old.resultText()),
                        pick(isError, old.isError()),
                        pick(status, old.status()),
                        pick(old.startedAt(), startedAt),
                        pick(endedAt, old.endedAt()));
        toolCalls.put(id, merged);
        return merged;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    void mergeUsage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        Long input = first(node, "input", "inputTokens", "prompt_tokens");
        Long output = first(node, "output", "outputTokens", "completion_tokens");
        Long total = first(node, "total", "totalTokens", "total_tokens");
        usage = usage.merge(new RunUsage(input, output, total, cost(node)));
    }

    private static Double cost(JsonNode node) {
        JsonNode costNode = node.get("cost");
        if (costNode == null) {
            return JsonValues.decimal(node, "costUsd");
        }
        return costNode.isNumber() ? Double.valueOf(costNode.asDouble()) : JsonValues.decimal(costNode, "total");
    }

    private static Long first(JsonNode node, String... fields) {
        for (String f : fields) {
            Long v = JsonValues.number(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Realigns the reply with the text the gateway has buffered (a {@code chat.history} {@code inFlightRun}, or the
     * snapshot of the first delta after a reconnect); returns the chunk that brings a listener up to date, if any.
     */
    RunChunk adopt(String text, Long runSeq) {
        ReplyAggregator.Change change = reply.snapshot(text);
        return change == null
                ? null
                : new RunChunk(
                        runId, nextChunkIndex(), RunChunk.Kind.TEXT, change.text(), change.replace(), null, runSeq);
    }

    /** The outcome a successful end has: {@code silent} when there is no text. */
    RunOutcome successOutcome() {
        boolean empty = finalText != null ? finalText.isEmpty() : reply.isEmpty();
        return empty ? RunOutcome.SILENT : RunOutcome.OK;
    }

    AgentRunResult toResult(RunOutcome outcome) {
        String text = finalText != null ? finalText : reply.text();
        return AgentRunResult.builder(runId, outcome)
                .sessionKey(sessionKey)
                .text(text)
                .thinking(thinking == null ? null : thinking.toString())
                .toolCalls(new ArrayList<>(toolCalls.values()))
                .usage(usage)
                .model(model, provider)
                .stopReason(stopReason)
                .error(errorKind, errorMessage)
                .durationMs((System.nanoTime() - startNanos) / 1_000_000)
                .chunkCount(chunkCount)
                .reattached(reattached)
                .build();
    }
}
