package io.camelopenclaw.client.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** One message's reply as it arrives: the final chunks, the stream frames, its future and timers (event thread). */
final class PendingReply {

    private final String messageId;
    private final byte[] frame;
    private final CompletableFuture<ChannelReply> future = new CompletableFuture<>();
    private final List<String> chunks = new ArrayList<>();
    private int streamFrames;
    private String lastStream;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> quiet;

    PendingReply(String messageId, byte[] frame) {
        this.messageId = messageId;
        this.frame = frame;
    }

    String messageId() {
        return messageId;
    }

    byte[] frame() {
        return frame;
    }

    CompletableFuture<ChannelReply> future() {
        return future;
    }

    void onStream(String content) {
        streamFrames++;
        lastStream = content;
    }

    void onResponse(String content) {
        chunks.add(content);
    }

    /** Whether a {@code done:true} frame arrived. */
    boolean answered() {
        return !chunks.isEmpty();
    }

    int chunkCount() {
        return chunks.size();
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    /** Replaces the quiet-period timer. */
    void quiet(ScheduledFuture<?> quiet) {
        cancel(this.quiet);
        this.quiet = quiet;
    }

    /** Cancels the timers. */
    void finish() {
        cancel(timeout);
        cancel(quiet);
    }

    ChannelReply reply() {
        return new ChannelReply(messageId, chunks, streamFrames, lastStream);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
