package io.camelopenclaw.component;

import java.util.Locale;

import io.camelopenclaw.client.api.SessionKeys;

/**
 * Matches session keys against the consumers' {@code sessionKey} option: an exact key, or a prefix followed by
 * {@code *} ({@code agent:main:*}). Matching ignores case (the gateway lowercases keys) and accepts a key given without
 * its {@code agent:<agentId>:} prefix, as the gateway canonicalises {@code support-42} to
 * {@code agent:main:support-42}. No pattern matches everything, including events without a session.
 */
final class SessionKeyFilter {

    private final String pattern;
    private final boolean prefix;

    private SessionKeyFilter(String pattern) {
        boolean wildcard = pattern != null && pattern.endsWith("*");
        this.prefix = wildcard;
        this.pattern = pattern == null
                ? null
                : (wildcard ? pattern.substring(0, pattern.length() - 1) : pattern).toLowerCase(Locale.ROOT);
    }

    static SessionKeyFilter of(String pattern) {
        return new SessionKeyFilter(pattern == null || pattern.isBlank() ? null : pattern.trim());
    }

    /** Whether the filter is an exact key (no wildcard, not empty). */
    boolean isExact() {
        return pattern != null && !prefix;
    }

    boolean matches(String sessionKey) {
        if (pattern == null) {
            return true;
        }
        if (sessionKey == null) {
            return false;
        }
        String key = sessionKey.toLowerCase(Locale.ROOT);
        return test(key) || test(SessionKeys.withoutAgentScope(key));
    }

    private boolean test(String key) {
        return key != null && (prefix ? key.startsWith(pattern) : key.equals(pattern));
    }

    @Override
    public String toString() {
        return pattern == null ? "*" : pattern + (prefix ? "*" : "");
    }
}
