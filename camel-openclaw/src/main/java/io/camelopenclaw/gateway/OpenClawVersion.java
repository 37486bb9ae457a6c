package io.camelopenclaw.gateway;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenClaw release version such as {@code 2026.9.6} (year.month.patch, optionally with a pre-release suffix),
 * ordered by its three numbers.
 */
public final class OpenClawVersion implements Comparable<OpenClawVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})(?:-[0-9A-Za-z.-]+)?");

    /** The first release that speaks gateway protocol v4 (and accepts the newer config keys). */
    public static final OpenClawVersion FIRST_PROTOCOL_V4 = parse("2026.5.12");

    private final String text;
    private final int major;
    private final int minor;
    private final int patch;

    private OpenClawVersion(String text, int major, int minor, int patch) {
        this.text = text;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /**
     * Parses an exact npm version of the {@code openclaw} package.
     *
     * @throws IllegalArgumentException if the text is not an exact version (ranges and dist-tags are not accepted)
     */
    public static OpenClawVersion parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an exact openclaw version (expected e.g. 2026.9.6): " + text);
        }
        return new OpenClawVersion(
                matcher.group(),
                Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /** Whether this release speaks protocol v4 (2026.5.12 and later); older ones speak v3. */
    public boolean isProtocolV4() {
        return compareTo(FIRST_PROTOCOL_V4) >= 0;
    }

    @Override
    public int compareTo(OpenClawVersion other) {
        int result = Integer.compare(major, other.major);
        if (result == 0) {
            result = Integer.compare(minor, other.minor);
        }
        return result != 0 ? result : Integer.compare(patch, other.patch);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenClawVersion && text.equals(((OpenClawVersion) other).text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    /** The version exactly as given, e.g. {@code 2026.9.6}. */
    @Override
    public String toString() {
        return text;
    }
}
