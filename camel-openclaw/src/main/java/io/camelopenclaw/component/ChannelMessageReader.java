package io.camelopenclaw.component;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelopenclaw.client.channel.ChannelMessage;
import io.camelopenclaw.client.json.JsonValues;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/** Reads a channel message from an exchange: the body as the text, the rest from the channel headers. */
final class ChannelMessageReader {

    private ChannelMessageReader() {}

    static ChannelMessage read(Message in) throws InvalidPayloadException {
        String content = in.getMandatoryBody(String.class);
        return ChannelMessage.builder(content)
                .messageId(in.getHeader(OpenClawConstants.CHANNEL_MESSAGE_ID, String.class))
                .senderId(in.getHeader(OpenClawConstants.CHANNEL_SENDER_ID, String.class))
                .senderName(in.getHeader(OpenClawConstants.CHANNEL_SENDER_NAME, String.class))
                .chatType(chatType(in.getHeader(OpenClawConstants.CHANNEL_CHAT_TYPE, String.class)))
                .groupId(in.getHeader(OpenClawConstants.CHANNEL_GROUP_ID, String.class))
                .groupSubject(in.getHeader(OpenClawConstants.CHANNEL_GROUP_SUBJECT, String.class))
                .replyToMessageId(in.getHeader(OpenClawConstants.CHANNEL_REPLY_TO_MESSAGE_ID, String.class))
                .replyToBody(in.getHeader(OpenClawConstants.CHANNEL_REPLY_TO_BODY, String.class))
                .mediaPaths(texts(in.getHeader(OpenClawConstants.CHANNEL_MEDIA_PATHS)))
                .mediaTypes(texts(in.getHeader(OpenClawConstants.CHANNEL_MEDIA_TYPES)))
                .customData(customData(in.getHeader(OpenClawConstants.CHANNEL_CUSTOM_DATA)))
                .build();
    }

    private static ChannelMessage.ChatType chatType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ChannelMessage.ChatType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    OpenClawConstants.CHANNEL_CHAT_TYPE + " must be direct or group, got " + value);
        }
    }

    /** A String, a Collection or an array as a list of texts; {@code null} for none. */
    private static List<String> texts(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        return List.of(value.toString());
    }

    /** A Map, JSON object text or a POJO as a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> customData(Object value) {
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        return JsonValues.toMap(JsonValues.toObject(value));
    }
}
