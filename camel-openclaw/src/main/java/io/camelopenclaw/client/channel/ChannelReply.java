package io.camelopenclaw.client.channel;

import java.util.List;

/**
 * The agent's complete reply to one channel message.
 *
 * @param messageId     the message answered
 * @param chunks        the {@code done:true} frames' contents in arrival order (the plugin sends one per paragraph and
 *                      per 4,000-character piece of a longer paragraph, dropping the blank lines between them)
 * @param streamFrames  how many {@code chat.stream} frames ({@code done:false}) preceded or accompanied the reply
 * @param lastStream    the last stream frame's content (streamed partial text grows: each holds the text so far), or
 *                      {@code null}
 */
public record ChannelReply(String messageId, List<String> chunks, int streamFrames, String lastStream) {

    /** The separator the plugin removed between paragraphs, put back between chunks. */
    public static final String CHUNK_SEPARATOR = "\n\n";

    public ChannelReply {
        chunks = List.copyOf(chunks);
    }

    /** The reply text: the chunks joined by a blank line. */
    public String text() {
        return String.join(CHUNK_SEPARATOR, chunks);
    }
}
