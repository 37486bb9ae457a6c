package io.camelopenclaw.testgateway.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The deterministic answer to one {@link StubModelRequest}, as an OpenAI chat-completions SSE stream or as a
 * plain JSON completion.
 */
final class StubCompletion {

    static final Duration WORD_INTERVAL = Duration.ofMillis(20);
    static final Duration SLOW_INTERVAL = Duration.ofMillis(200);
    static final int SLOW_CHUNKS = 50;
    static final int TOOL_RESULT_PREVIEW = 80;
    /** OpenClaw's token for "no user-visible reply". */
    static final String SILENT_REPLY = "NO_REPLY";
    /** Tools a v3 gateway offers that accept empty arguments, tried in order when {@code ls} is not offered. */
    static final List<String> ARGUMENTLESS_TOOLS = List.of("session_status", "sessions_list", "agents_list");

    /** One SSE {@code data:} payload, written after waiting {@code delayBefore}. */
    record SseFrame(String data, Duration delayBefore) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StubModelRequest request;
    private final int promptTokens;
    private final String id;
    private final long created = System.currentTimeMillis() / 1000;

    StubCompletion(StubModelRequest request, int promptTokens) {
        this.request = request;
        this.promptTokens = promptTokens;
        this.id = "chatcmpl-stub-" + request.number();
    }

    /** Text deltas of a text reply (the first one without a leading space), empty for a tool call. */
    List<String> textPieces() {
        switch (request.mode()) {
            case SLOW:
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < SLOW_CHUNKS; i++) {
                    String part = String.format("part%02d", i);
                    parts.add(i == 0 ? "SLOW-ECHO " + part : " " + part);
                }
                parts.set(SLOW_CHUNKS - 1, parts.get(SLOW_CHUNKS - 1) + ".");
                return parts;
            case TOOL_RESULT:
                return words("TOOL RESULT SEEN: " + firstCodePoints(request.toolResult(), TOOL_RESULT_PREVIEW));
            case TOOL_CALL:
                return List.of();
            case SILENT:
                return List.of(SILENT_REPLY);
            default:
                return words("ECHO: " + request.realUserText());
        }
    }

    /** Name of the tool the stub calls in {@link StubModelRequest.Mode#TOOL_CALL}. */
    String toolName() {
        List<String> offered = request.toolNames();
        if (offered.contains("ls")) {
            return "ls";
        }
        return ARGUMENTLESS_TOOLS.stream().filter(offered::contains).findFirst().orElse(offered.get(0));
    }

    String toolArguments() {
        return "ls".equals(toolName()) ? "{\"path\":\".\"}" : "{}";
    }

    String toolCallId() {
        return "call_stub_" + request.number();
    }

    String finishReason() {
        return request.mode() == StubModelRequest.Mode.TOOL_CALL ? "tool_calls" : "stop";
    }

    Duration interval() {
        return request.mode() == StubModelRequest.Mode.SLOW ? SLOW_INTERVAL : WORD_INTERVAL;
    }

    /** The SSE stream: role chunk, content or tool-call chunks, finish chunk with usage, {@code [DONE]}. */
    List<SseFrame> streamFrames() {
        List<SseFrame> frames = new ArrayList<>();
        ObjectNode roleDelta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        frames.add(new SseFrame(chunk(roleDelta, null, false), Duration.ZERO));
        if (request.mode() == StubModelRequest.Mode.TOOL_CALL) {
            ObjectNode start = JSON.createObjectNode();
            ObjectNode call = start.putArray("tool_calls")
                    .addObject()
                    .put("index", 0)
                    .put("id", toolCallId())
                    .put("type", "function");
            call.putObject("function").put("name", toolName()).put("arguments", "");
            frames.add(new SseFrame(chunk(start, null, false), interval()));
            ObjectNode arguments = JSON.createObjectNode();
            arguments
                    .putArray("tool_calls")
                    .addObject()
                    .put("index", 0)
                    .putObject("function")
                    .put("arguments", toolArguments());
            frames.add(new SseFrame(chunk(arguments, null, false), interval()));
        } else {
            List<String> pieces = textPieces();
            for (int i = 0; i < pieces.size(); i++) {
                ObjectNode delta = JSON.createObjectNode().put("content", pieces.get(i));
                frames.add(new SseFrame(chunk(delta, null, false), i == 0 ? Duration.ZERO : interval()));
            }
        }
        frames.add(new SseFrame(chunk(JSON.createObjectNode(), finishReason(), true), Duration.ZERO));
        frames.add(new SseFrame("[DONE]", Duration.ZERO));
        return frames;
    }

    /** A non-streaming {@code chat.completion} body. */
    ObjectNode completionBody() {
        ObjectNode body = envelope("chat.completion");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (request.mode() == StubModelRequest.Mode.TOOL_CALL) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls")
                    .addObject()
                    .put("id", toolCallId())
                    .put("type", "function");
            call.putObject("function").put("name", toolName()).put("arguments", toolArguments());
        } else {
            message.put("content", String.join("", textPieces()));
        }
        choice.put("finish_reason", finishReason());
        body.set("usage", usage());
        return body;
    }

    private String chunk(ObjectNode delta, String finishReason, boolean withUsage) {
        ObjectNode chunk = envelope("chat.completion.chunk");
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (withUsage) {
            chunk.set("usage", usage());
        }
        return chunk.toString();
    }

    private ObjectNode envelope(String object) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", request.model());
    }

    private ObjectNode usage() {
        int completionTokens = request.mode() == StubModelRequest.Mode.TOOL_CALL
                ? 1
                : textPieces().size();
        return JSON.createObjectNode()
                .put("prompt_tokens", promptTokens)
                .put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
    }

    private static List<String> words(String text) {
        List<String> pieces = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                pieces.add(pieces.isEmpty() ? word : " " + word);
            }
        }
        return pieces;
    }

    private static String firstCodePoints(String text, int count) {
        int end = text.offsetByCodePoints(0, Math.min(count, text.codePointCount(0, text.length())));
        return text.substring(0, end);
    }
}
