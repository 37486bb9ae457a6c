package io.camelopenclaw.gateway;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a log file (npm's) for error messages. */
final class LogTail {

    static final int DEFAULT_LINES = 40;
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {}

    /** The last {@code lines} lines of {@code file} (at most its last 64 KiB); a short note if it cannot be read. */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no output: " + file + " does not exist)";
        }
        String text;
        boolean truncated;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
            truncated = size < length;
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        List<String> all = Arrays.asList(text.split("\\R"));
        if (truncated) {
            all = all.subList(1, all.size()); // drop the cut first line
        }
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
