package io.camelopenclaw.testgateway.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Summary of one chat-completions request the {@link StubModelServer} received, and how it chose to answer.
 *
 * @param number       1-based request number on this server
 * @param model        the requested model id
 * @param stream       whether an SSE stream was requested
 * @param mode         the kind of reply chosen
 * @param realUserText the last real user turn with OpenClaw's envelope removed
 * @param toolResult   text of the trailing {@code tool} message ({@link Mode#TOOL_RESULT} only), else {@code null}
 * @param roles        roles of all messages, in order
 * @param toolNames    names of the offered tools, in order
 * @param systemChars  characters of system prompt(s)
 */
public record StubModelRequest(
        int number,
        String model,
        boolean stream,
        Mode mode,
        String realUserText,
        String toolResult,
        List<String> roles,
        List<String> toolNames,
        int systemChars) {

    /** How the stub answers a request. */
    public enum Mode {
        /** {@code ECHO: <user text>}, one word per chunk, 20 ms apart. */
        ECHO,
        /** User text contains {@code SLOW}: 50 chunks 200 ms apart. */
        SLOW,
        /** User text contains {@code TOOLCALL} and tools are offered: one streamed tool call. */
        TOOL_CALL,
        /** The conversation ends in a {@code tool} message: {@code TOOL RESULT SEEN: <result>}. */
        TOOL_RESULT,
        /**
         * A user turn of the conversation contains {@code SILENT}: {@code NO_REPLY}, OpenClaw's silent-reply token,
         * also to the gateway's follow-up requests within the same conversation.
         */
        SILENT,
        /** A user turn of the conversation contains {@code MODELERROR}: HTTP 500 with an OpenAI error body. */
        MODEL_ERROR
    }

    public StubModelRequest {
        roles = List.copyOf(roles);
        toolNames = List.copyOf(toolNames);
    }

    static StubModelRequest of(int number, JsonNode body) {
        JsonNode messages = body.path("messages");
        List<String> roles = new ArrayList<>();
        int systemChars = 0;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            roles.add(role);
            if ("system".equals(role) || "developer".equals(role)) {
                systemChars += OpenClawPrompt.text(message.get("content")).length();
            }
        }
        List<String> toolNames = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            String name =
                    tool.path("function").path("name").asText(tool.path("name").asText());
            if (!name.isEmpty()) {
                toolNames.add(name);
            }
        }
        String userText = OpenClawPrompt.realUserText(messages);
        List<JsonNode> conversation = OpenClawPrompt.conversation(messages);
        JsonNode last = conversation.isEmpty() ? null : conversation.get(conversation.size() - 1);

        Mode mode;
        String toolResult = null;
        if (last != null && "tool".equals(last.path("role").asText())) {
            mode = Mode.TOOL_RESULT;
            toolResult = OpenClawPrompt.text(last.get("content"));
        } else if (anyUserTurnContains(conversation, "MODELERROR")) {
            mode = Mode.MODEL_ERROR;
        } else if (anyUserTurnContains(conversation, "SILENT")) {
            mode = Mode.SILENT;
        } else if (userText.contains("TOOLCALL") && !toolNames.isEmpty()) {
            mode = Mode.TOOL_CALL;
        } else if (userText.contains("SLOW")) {
            mode = Mode.SLOW;
        } else {
            mode = Mode.ECHO;
        }
        return new StubModelRequest(
                number,
                body.path("model").asText("stub-echo"),
                body.path("stream").asBoolean(false),
                mode,
                userText,
                toolResult,
                roles,
                toolNames,
                systemChars);
    }

    private static boolean anyUserTurnContains(List<JsonNode> conversation, String keyword) {
        return conversation.stream()
                .anyMatch(message -> "user".equals(message.path("role").asText())
                        && OpenClawPrompt.stripEnvelope(OpenClawPrompt.text(message.get("content")))
                                .contains(keyword));
    }
}
