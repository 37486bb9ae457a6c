package io.camelopenclaw.testgateway;

import java.util.Locale;

/** Canonical session keys: lowercase and agent-scoped ({@code agent:main:<rest>}), as events and lists carry them. */
final class SessionKeys {

    static final String DEFAULT_AGENT = "main";
    static final String MAIN_SESSION = "agent:main:main";

    private SessionKeys() {}

    static String canonical(String key) {
        String lower = key.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("agent:") || "global".equals(lower) || "unknown".equals(lower)) {
            return lower;
        }
        return "main".equals(lower) ? MAIN_SESSION : "agent:" + DEFAULT_AGENT + ":" + lower;
    }
}
