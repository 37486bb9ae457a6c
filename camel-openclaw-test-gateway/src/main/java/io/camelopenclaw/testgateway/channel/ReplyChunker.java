package io.camelopenclaw.testgateway.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the plugin splits a final reply (OpenClaw's {@code chunkTextWithMode(text, 4000, "newline")}, 2026.3.x): at
 * every blank line (outside code fences, which this fake does not model), each paragraph with its trailing whitespace
 * dropped and empty ones skipped; a paragraph over the limit is cut at its last newline inside the window (else its
 * last whitespace, else hard), the separator dropped and the pieces trimmed. A text without blank lines is one chunk
 * when it fits.
 */
final class ReplyChunker {

    static final int LIMIT = 4000;
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[\\t ]*\\n+");

    private ReplyChunker() {}

    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return chunks;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        Matcher breaks = PARAGRAPH_BREAK.matcher(normalized);
        if (!breaks.find()) {
            chunks.addAll(byLength(normalized));
            return chunks;
        }
        breaks.reset();
        int start = 0;
        List<String> paragraphs = new ArrayList<>();
        while (breaks.find()) {
            paragraphs.add(normalized.substring(start, breaks.start()));
            start = breaks.end();
        }
        paragraphs.add(normalized.substring(start));
        for (String part : paragraphs) {
            String paragraph = part.stripTrailing();
            if (!paragraph.isBlank()) {
                chunks.addAll(byLength(paragraph));
            }
        }
        return chunks;
    }

    private static List<String> byLength(String text) {
        List<String> chunks = new ArrayList<>();
        String remaining = text;
        while (remaining.length() > LIMIT) {
            int cut = breakIndex(remaining.substring(0, LIMIT));
            String chunk = remaining.substring(0, cut).stripTrailing();
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            boolean onSeparator = cut < remaining.length() && Character.isWhitespace(remaining.charAt(cut));
            remaining = remaining
                    .substring(Math.min(remaining.length(), cut + (onSeparator ? 1 : 0)))
                    .stripLeading();
        }
        if (!remaining.isEmpty()) {
            chunks.add(remaining);
        }
        return chunks;
    }

    /** The last newline in the window, else its last whitespace, else the window's end (parentheses not modelled). */
    private static int breakIndex(String window) {
        int newline = window.lastIndexOf('\n');
        if (newline > 0) {
            return newline;
        }
        for (int i = window.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        return window.length();
    }
}
