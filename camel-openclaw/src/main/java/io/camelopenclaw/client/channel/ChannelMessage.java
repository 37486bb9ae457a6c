package io.camelopenclaw.client.channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.json.JsonValues;

/**
 * A {@code chat.send} frame: the text and what the plugin passes on to the agent's context (sender, chat type and
 * group, the quoted message, media files on the gateway host, custom data). Absent fields take the plugin's defaults:
 * the connection's sender, {@code chatType=direct}, a generated message id (the client always sets one). Build with
 * {@link #builder(String)}.
 */
public record ChannelMessage(
        String content,
        String messageId,
        String senderId,
        String senderName,
        ChatType chatType,
        String groupId,
        String groupSubject,
        String replyToMessageId,
        String replyToBody,
        List<String> mediaPaths,
        List<String> mediaTypes,
        Map<String, Object> customData) {

    /** The plugin's {@code chatType}. */
    public enum ChatType {
        DIRECT,
        GROUP;

        /** The wire value: direct or group. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ChannelMessage {
        if (content == null || content.isEmpty()) {
            // the plugin answers an empty content with an uncorrelated chat.error
            throw new IllegalArgumentException("A channel message needs a non-empty content");
        }
        if (chatType == ChatType.GROUP && (groupId == null || groupId.isBlank())) {
            // the plugin routes group messages by groupId and fails without one
            throw new IllegalArgumentException("A group message (chatType group) needs a groupId");
        }
        mediaPaths = mediaPaths == null ? List.of() : List.copyOf(mediaPaths);
        mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
        if (mediaTypes.size() > mediaPaths.size()) {
            throw new IllegalArgumentException(
                    mediaTypes.size() + " media types given for " + mediaPaths.size() + " media paths");
        }
        customData = customData == null ? Map.of() : Map.copyOf(customData);
    }

    public static Builder builder(String content) {
        return new Builder(content);
    }

    /**
     * The frame, with {@code id} as its message id: one media file goes as {@code mediaPath}/{@code mediaType}, several
     * as {@code mediaPaths}/{@code mediaTypes}.
     */
    ObjectNode toFrame(String id) {
        ObjectNode frame = JsonValues.object();
        frame.put("type", ChannelFrame.SEND);
        frame.put("content", content);
        frame.put("messageId", id);
        putIfPresent(frame, "senderId", senderId);
        putIfPresent(frame, "senderName", senderName);
        putIfPresent(frame, "chatType", chatType == null ? null : chatType.wire());
        putIfPresent(frame, "groupId", groupId);
        putIfPresent(frame, "groupSubject", groupSubject);
        putIfPresent(frame, "replyToMessageId", replyToMessageId);
        putIfPresent(frame, "replyToBody", replyToBody);
        if (mediaPaths.size() == 1) {
            frame.put("mediaPath", mediaPaths.get(0));
            putIfPresent(frame, "mediaType", mediaTypes.isEmpty() ? null : mediaTypes.get(0));
        } else if (!mediaPaths.isEmpty()) {
            mediaPaths.forEach(frame.putArray("mediaPaths")::add);
            if (!mediaTypes.isEmpty()) {
                mediaTypes.forEach(frame.putArray("mediaTypes")::add);
            }
        }
        if (!customData.isEmpty()) {
            frame.set("customData", JsonValues.toObject(customData));
        }
        return frame;
    }

    private static void putIfPresent(ObjectNode frame, String field, String value) {
        if (value != null) {
            frame.put(field, value);
        }
    }

    /** Builder of {@link ChannelMessage}. */
    public static final class Builder {
        private final String content;
        private String messageId;
        private String senderId;
        private String senderName;
        private ChatType chatType;
        private String groupId;
        private String groupSubject;
        private String replyToMessageId;
        private String replyToBody;
        private List<String> mediaPaths;
        private List<String> mediaTypes;
        private Map<String, Object> customData;

        private Builder(String content) {
            this.content = content;
        }

        /** The id replies are correlated by; generated when absent. */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        public Builder senderName(String senderName) {
            this.senderName = senderName;
            return this;
        }

        public Builder chatType(ChatType chatType) {
            this.chatType = chatType;
            return this;
        }

        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        public Builder groupSubject(String groupSubject) {
            this.groupSubject = groupSubject;
            return this;
        }

        public Builder replyToMessageId(String replyToMessageId) {
            this.replyToMessageId = replyToMessageId;
            return this;
        }

        public Builder replyToBody(String replyToBody) {
            this.replyToBody = replyToBody;
            return this;
        }

        /** Paths of media files as the gateway host sees them. */
        public Builder mediaPaths(List<String> mediaPaths) {
            this.mediaPaths = mediaPaths;
            return this;
        }

        /** The MIME types of the media files, in the same order. */
        public Builder mediaTypes(List<String> mediaTypes) {
            this.mediaTypes = mediaTypes;
            return this;
        }

        /** Data the plugin merges into the agent's inbound context. */
        public Builder customData(Map<String, Object> customData) {
            this.customData = customData;
            return this;
        }

        public ChannelMessage build() {
            return new ChannelMessage(
                    content,
                    messageId,
                    senderId,
                    senderName,
                    chatType,
                    groupId,
                    groupSubject,
                    replyToMessageId,
                    replyToBody,
                    mediaPaths,
                    mediaTypes,
                    customData);
        }
    }
}
