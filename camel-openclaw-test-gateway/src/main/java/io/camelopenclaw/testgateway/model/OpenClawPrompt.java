package io.camelopenclaw.testgateway.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the {@code messages} of a chat-completions request sent by a real OpenClaw gateway and finds what the
 * user actually typed, removing the envelope each gateway generation wraps around it.
 * <ul>
 * <li>2026.5.12+ (protocol v4): {@code "[Sat 2026-11-21 05:23 UTC] hello camel\n\nRuntime: …"}, followed by an
 * internal-context user turn ({@code <<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>}).</li>
 * <li>2026.5.7: {@code "[… UTC] hello camel"}, followed by a user turn holding only the
 * {@code Sender (untrusted metadata)} block.</li>
 * <li>2026.3.13: {@code "Sender (untrusted metadata):\n```json{…}```\n\n[… UTC] hello camel"} in one turn, the
 * content being a parts array.</li>
 * </ul>
 */
public final class OpenClawPrompt {

    static final String INTERNAL_CONTEXT_MARKER = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";

    private static final Pattern SENDER_METADATA_BLOCK =
            Pattern.compile("^\\s*Sender \\(untrusted metadata\\):\\s*```[a-z]*\\s.*?```\\s*", Pattern.DOTALL);
    private static final Pattern TIMESTAMP_PREFIX =
            Pattern.compile("^\\[[^\\]\\n]*\\d{4}-\\d{2}-\\d{2}[^\\]\\n]*\\]\\s*");
    private static final String RUNTIME_SUFFIX = "\n\nRuntime: ";

    private OpenClawPrompt() {}

    /**
     * The messages that count for the stub: all of them except OpenClaw's internal-context turns and bare
     * sender-metadata turns.
     */
    public static List<JsonNode> conversation(JsonNode messages) {
        List<JsonNode> result = new ArrayList<>();
        if (messages == null || !messages.isArray()) {
            return result;
        }
        for (JsonNode message : messages) {
            if (!isOpenClawAnnotation(message)) {
                result.add(message);
            }
        }
        return result;
    }

    /**
     * The last real user turn with its envelope removed, or {@code ""} when there is none.
     */
    public static String realUserText(JsonNode messages) {
        List<JsonNode> conversation = conversation(messages);
        for (int i = conversation.size() - 1; i >= 0; i--) {
            JsonNode message = conversation.get(i);
            if ("user".equals(message.path("role").asText())) {
                return stripEnvelope(text(message.get("content")));
            }
        }
        return "";
    }

    /**
     * Removes the sender-metadata block, the timestamp prefix and the runtime suffix a gateway adds to user text.
     */
    public static String stripEnvelope(String text) {
        String result = SENDER_METADATA_BLOCK.matcher(text).replaceFirst("");
        result = TIMESTAMP_PREFIX.matcher(result).replaceFirst("");
        int runtime = result.lastIndexOf(RUNTIME_SUFFIX);
        if (runtime >= 0) {
            result = result.substring(0, runtime);
        }
        return result.trim();
    }

    /**
     * The text of a message content: a plain string, or the {@code text} parts of a parts array joined by newlines.
     */
    public static String text(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode partText = part.isTextual() ? part : part.get("text");
                if (partText != null && partText.isTextual()) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(partText.asText());
                }
            }
        }
        return text.toString();
    }

    private static boolean isOpenClawAnnotation(JsonNode message) {
        if (!"user".equals(message.path("role").asText())) {
            return false;
        }
        String text = text(message.get("content"));
        if (text.strip().startsWith(INTERNAL_CONTEXT_MARKER)) {
            return true;
        }
        Matcher senderMetadata = SENDER_METADATA_BLOCK.matcher(text);
        return senderMetadata.lookingAt()
                && text.substring(senderMetadata.end()).isBlank();
    }
}
