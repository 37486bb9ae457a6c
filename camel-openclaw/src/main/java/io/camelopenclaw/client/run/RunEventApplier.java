package io.camelopenclaw.client.run;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.json.JsonValues;
import io.camelopenclaw.client.json.LazyJsonObject;

/**
 * Applies one {@code chat} or {@code agent} event to a run's state: reply text (protocol-4 increments with
 * {@code replace}, protocol-3 cumulative snapshots), thinking, tool calls, usage, model, stop reason and errors.
 * Shared by the runs a client starts ({@link RunTracker}) and the runs it only watches ({@link RunObserver}), so both
 * aggregate by the same rules.
 */
final class RunEventApplier {

    /** Whether an event ended the run, and how. */
    enum Terminal {
        NONE,
        SUCCESS,
        SILENT,
        ABORTED,
        ERROR;

        /** The run's outcome, or {@code null} while it goes on. */
        RunOutcome outcome(RunState run) {
            return switch (this) {
                case NONE -> null;
                case SUCCESS -> run.successOutcome();
                case SILENT -> RunOutcome.SILENT;
                case ABORTED -> RunOutcome.ABORTED;
                case ERROR -> RunOutcome.ERROR;
            };
        }
    }

    private RunEventApplier() {}

    /**
     * Applies the event; chunks it produced go to {@code chunks} in order.
     *
     * @return the terminal state the event signals; a {@code chat} final ends {@code chat.send} runs only (an
     *         {@code agent} run ends with its final answer)
     */
    static Terminal apply(RunState run, GatewayEvent event, Consumer<RunChunk> chunks) {
        run.touch();
        LazyJsonObject p = event.fields();
        boolean agent = "agent".equals(event.name());
        Long runSeq = event.runSeq();
        if (agent && runSeq != null) {
            if (runSeq <= run.lastAgentSeq) {
                return Terminal.NONE; // seen already, or a late event of an earlier emitter (its seq restarts)
            }
            run.lastAgentSeq = runSeq;
        }
        if (run.sessionKey == null || run.sessionKey.equals(run.request.sessionKey())) {
            String key = p.text("sessionKey");
            if (key != null) {
                run.sessionKey = key;
            }
        }
        if (agent) {
            onAgent(run, p, runSeq, chunks);
            return Terminal.NONE;
        }
        return "chat".equals(event.name()) ? onChat(run, p, runSeq, chunks) : Terminal.NONE;
    }

    private static Terminal onChat(RunState run, LazyJsonObject p, Long runSeq, Consumer<RunChunk> chunks) {
        String state = p.text("state");
        if (state == null) {
            return Terminal.NONE;
        }
        switch (state) {
            case "delta" -> {
                delta(run, p, runSeq, chunks);
                run.mergeUsage(p.get("usage"));
                return Terminal.NONE;
            }
            case "final" -> {
                String text = messageText(p.get("message"));
                if (text != null) {
                    run.finalText = text;
                }
                if (p.hasNonNull("stopReason")) {
                    run.stopReason = p.get("stopReason").asText();
                }
                run.mergeUsage(p.get("usage"));
                return run.request.method() == RunMethod.CHAT_SEND ? Terminal.SUCCESS : Terminal.NONE;
            }
            case "aborted" -> {
                String partial = messageText(p.get("message"));
                if (partial != null) {
                    run.finalText = partial;
                }
                run.stopReason = p.text("stopReason");
                return silentOr(run, Terminal.ABORTED);
            }
            case "error" -> {
                if (run.silentEnd && !run.abortRequested) {
                    return Terminal.SILENT; // the agent method's silent turn: chat error after lifecycle silent
                }
                run.errorKind = p.text("errorKind");
                run.errorMessage = p.text("errorMessage");
                run.stopReason = p.text("stopReason");
                run.mergeUsage(p.get("usage"));
                return Terminal.ERROR;
            }
            default -> {
                return Terminal.NONE; // status and future states carry nothing to aggregate
            }
        }
    }

    /**
     * A 2026.9.6 silent turn ends with lifecycle {@code error} ({@code terminalReply.disposition:"silent"}), then
     * {@code chat aborted} ({@code stopReason:"stop"}) or {@code chat error}: nobody aborted it and nothing failed, the
     * agent chose not to answer.
     */
    private static Terminal silentOr(RunState run, Terminal otherwise) {
        return run.silentEnd && !run.abortRequested ? Terminal.SILENT : otherwise;
    }

    /**
     * Applies a chat delta: the protocol-4 increment ({@code deltaText}, honouring {@code replace}), or the
     * cumulative {@code message} snapshot (protocol 3, or after a reconnect, when events may have been missed).
     */
    private static void delta(RunState run, LazyJsonObject p, Long runSeq, Consumer<RunChunk> chunks) {
        String delta = p.text("deltaText");
        // the snapshot repeats the whole reply so far: it is parsed only when it is used
        String snapshot = delta == null || run.resync ? messageText(p.get("message")) : null;
        RunChunk chunk;
        if (snapshot != null) {
            run.resync = false;
            chunk = run.adopt(snapshot, runSeq);
        } else if (delta != null) {
            ReplyAggregator.Change change = run.reply.append(delta, Boolean.TRUE.equals(p.bool("replace")));
            chunk = change == null
                    ? null
                    : new RunChunk(
                            run.runId,
                            run.nextChunkIndex(),
                            RunChunk.Kind.TEXT,
                            change.text(),
                            change.replace(),
                            null,
                            runSeq);
        } else {
            chunk = null;
        }
        if (chunk != null) {
            chunks.accept(chunk);
        }
    }

    private static void onAgent(RunState run, LazyJsonObject p, Long runSeq, Consumer<RunChunk> chunks) {
        String stream = p.text("stream");
        if (stream == null || "assistant".equals(stream)) {
            return; // assistant text is taken from chat events
        }
        JsonNode data = p.path("data");
        switch (stream) {
            case "lifecycle" -> {
                String phase = JsonValues.text(data, "phase");
                if ("model".equals(phase) && data.hasNonNull("model")) {
                    run.model = data.get("model").asText();
                    run.provider = JsonValues.text(data, "provider");
                } else if ("end".equals(phase) || "error".equals(phase)) {
                    run.silentEnd |= "silent".equals(JsonValues.text(data.path("terminalReply"), "disposition"));
                    if (run.stopReason == null && data.hasNonNull("stopReason")) {
                        run.stopReason = data.get("stopReason").asText();
                    }
                    if ("error".equals(phase) && run.errorMessage == null && !run.abortRequested && !run.silentEnd) {
                        run.errorMessage = JsonValues.text(data, "error");
                    }
                }
            }
            case "thinking" -> {
                String delta = JsonValues.text(data, "delta");
                if (delta != null && !delta.isEmpty()) {
                    run.appendThinking(delta);
                    chunks.accept(new RunChunk(
                            run.runId, run.nextChunkIndex(), RunChunk.Kind.THINKING, delta, false, null, runSeq));
                }
            }
            case "tool" -> onTool(run, data, runSeq, chunks);
            case "item" -> {
                if ("tool".equals(JsonValues.text(data, "kind")) && data.hasNonNull("toolCallId")) {
                    run.updateTool(
                            data.get("toolCallId").asText(),
                            JsonValues.text(data, "name"),
                            null,
                            null,
                            null,
                            JsonValues.text(data, "status"),
                            JsonValues.number(data, "startedAt"),
                            JsonValues.number(data, "endedAt"));
                }
            }
            case "usage" -> run.mergeUsage(data);
            default -> {
                // other streams are informational
            }
        }
    }

    private static void onTool(RunState run, JsonNode data, Long runSeq, Consumer<RunChunk> chunks) {
        String id = JsonValues.text(data, "toolCallId");
        String phase = JsonValues.text(data, "phase");
        if (id == null || phase == null) {
            return;
        }
        long now = System.currentTimeMillis();
        ToolCall call;
        RunChunk.Kind kind;
        switch (phase) {
            case "start" -> {
                JsonNode args = data.get("args");
                call = run.updateTool(
                        id,
                        JsonValues.text(data, "name"),
                        args == null ? null : args.toString(),
                        null,
                        null,
                        "running",
                        now,
                        null);
                kind = RunChunk.Kind.TOOL_START;
            }
            case "update" -> {
                call = run.updateTool(id, JsonValues.text(data, "name"), null, null, null, "running", null, null);
                kind = RunChunk.Kind.TOOL_UPDATE;
            }
            case "result" -> {
                Boolean isError = JsonValues.bool(data, "isError");
                call = run.updateTool(
                        id,
                        JsonValues.text(data, "name"),
                        null,
                        messageText(data.get("result")),
                        isError,
                        Boolean.TRUE.equals(isError) ? "failed" : "completed",
                        null,
                        now);
                kind = RunChunk.Kind.TOOL_RESULT;
            }
            default -> {
                return;
            }
        }
        chunks.accept(new RunChunk(run.runId, run.nextChunkIndex(), kind, null, false, call, runSeq));
    }

    /** The text of a message: a plain string, or the {@code text} parts of a content array. */
    static String messageText(JsonNode message) {
        if (message == null || message.isNull()) {
            return null;
        }
        JsonNode content = message.has("content") ? message.get("content") : message;
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        content.forEach(part -> {
            if (part.isTextual()) {
                sb.append(part.asText());
            } else if ("text".equals(JsonValues.text(part, "type")) && part.hasNonNull("text")) {
                sb.append(part.get("text").asText());
            }
        });
        return sb.toString();
    }
}
