package io.camelopenclaw.client.run;

/**
 * Builds a run's reply text from streamed pieces: protocol-4 increments ({@code deltaText}, honouring
 * {@code replace}) and protocol-3 cumulative snapshots (diffed against what was received so far). Never de-duplicates
 * text: repeated words are legitimate.
 */
final class ReplyAggregator {

    /** What a piece changed: the text to report as a chunk, and whether it replaces everything before it. */
    record Change(String text, boolean replace) {}

    private final StringBuilder text = new StringBuilder();

    /** Applies an increment; {@code replace} resets the text to it. */
    Change append(String delta, boolean replace) {
        if (replace) {
            text.setLength(0);
        }
        text.append(delta);
        return delta.isEmpty() && !replace ? null : new Change(delta, replace);
    }

    /** Applies a cumulative snapshot: appends the new suffix, or replaces when the snapshot rewrote earlier text. */
    Change snapshot(String cumulative) {
        int length = text.length();
        if (cumulative.length() >= length && CharSequence.compare(cumulative.subSequence(0, length), text) == 0) {
            String suffix = cumulative.substring(length);
            text.append(suffix);
            return suffix.isEmpty() ? null : new Change(suffix, false);
        }
        text.setLength(0);
        text.append(cumulative);
        return new Change(cumulative, true);
    }

    /** The text so far. */
    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.length() == 0;
    }
}
