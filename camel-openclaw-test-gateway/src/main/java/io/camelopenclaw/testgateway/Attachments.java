package io.camelopenclaw.testgateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks {@code chat.send} / {@code agent} attachments against {@code hello-ok.policy.attachments}: the decoded size
 * of all attachments against {@code maxBytes}, each image against {@code maxImageBytes}. Content is base64, with an
 * optional {@code data:<mime>;base64,} prefix, or Anthropic-style {@code source.data}.
 */
final class Attachments {

    private static final Pattern DATA_URL = Pattern.compile("^data:([^;,]*)(?:;[^,]*)?,");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]*={0,2}");

    private Attachments() {}

    static void check(JsonNode attachments, long maxBytes, long maxImageBytes) {
        if (attachments == null) {
            return;
        }
        long total = 0;
        int index = 0;
        for (JsonNode attachment : attachments) {
            JsonNode source = attachment.path("source");
            String content = attachment.hasNonNull("content")
                    ? attachment.get("content").asText()
                    : source.path("data").asText(null);
            if (content == null) {
                throw GatewayError.invalidRequest("attachment " + index + " has no content");
            }
            String mime = firstText(attachment.path("mimeType"), source.path("media_type"));
            Matcher dataUrl = DATA_URL.matcher(content);
            if (dataUrl.find()) {
                mime = mime != null ? mime : dataUrl.group(1);
                content = content.substring(dataUrl.end());
            }
            String base64 = content.replaceAll("\\s", "");
            if (!BASE64.matcher(base64).matches()) {
                throw GatewayError.invalidRequest("attachment " + index + " content is not valid base64");
            }
            long size = decodedSize(base64);
            boolean image =
                    "image".equals(attachment.path("type").asText()) || mime != null && mime.startsWith("image/");
            if (image && size > maxImageBytes) {
                throw GatewayError.invalidRequest("attachment " + index + " image too large: " + size
                        + " bytes exceeds maxImageBytes " + maxImageBytes);
            }
            total += size;
            index++;
        }
        if (total > maxBytes) {
            throw GatewayError.invalidRequest(
                    "attachments too large: " + total + " bytes exceeds maxBytes " + maxBytes);
        }
    }

    private static long decodedSize(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return (long) base64.length() * 3 / 4 - padding;
    }

    private static String firstText(JsonNode first, JsonNode second) {
        return first.isTextual() ? first.asText() : second.isTextual() ? second.asText() : null;
    }
}
