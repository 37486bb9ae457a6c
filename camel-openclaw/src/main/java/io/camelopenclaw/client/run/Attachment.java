package io.camelopenclaw.client.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A file sent with a {@code chat.send} message. Content is sent base64-encoded and checked against the gateway's
 * {@code policy.attachments} limits before sending.
 *
 * @param fileName file name, may be {@code null}
 * @param mimeType media type such as {@code image/png}; {@code null} lets the gateway sniff it
 * @param content  the raw bytes
 */
public record Attachment(String fileName, String mimeType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(content, "content");
    }

    /** Whether the media type is an image (the gateway's tighter image limit applies). */
    public boolean isImage() {
        return mimeType != null && mimeType.toLowerCase(Locale.ROOT).startsWith("image/");
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + mimeType + ", " + content.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a
                && Objects.equals(fileName, a.fileName)
                && Objects.equals(mimeType, a.mimeType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mimeType, Arrays.hashCode(content));
    }
}
