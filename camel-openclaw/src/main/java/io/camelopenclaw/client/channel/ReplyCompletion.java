package io.camelopenclaw.client.channel;

/**
 * When a reply to a channel message counts as complete. The {@code openclaw-websocket} plugin sends no end-of-reply
 * marker: a final reply is delivered as one {@code chat.response} frame with {@code done:true} per paragraph (and per
 * 4,000-character piece of a longer paragraph), and nothing follows the last one.
 */
public enum ReplyCompletion {
    /**
     * Complete once a {@code done:true} frame arrived and no further frame for the message followed within the quiet
     * period. Collects replies split into several frames; costs the quiet period per reply.
     */
    QUIET_PERIOD,
    /**
     * Complete on the first {@code done:true} frame. Immediate, but only right for replies of one paragraph of at most
     * 4,000 characters; later frames of the same reply are reported to listeners as late frames.
     */
    FIRST_RESPONSE
}
