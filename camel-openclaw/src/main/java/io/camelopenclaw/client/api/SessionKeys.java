package io.camelopenclaw.client.api;

import java.util.Locale;

/**
 * Session keys the way the gateway names them. A client may send any key; the gateway canonicalises it to
 * {@code agent:<agentId>:<rest>}, lower case (the opaque peer ids after {@code signal:} and {@code matrix:} keep their
 * case), and events, lists and answers carry only the canonical form: {@code Support-42} is
 * {@code agent:main:support-42} when {@code main} owns it. No key, or {@code main}, is the agent's main session.
 */
public final class SessionKeys {

    private static final String AGENT_PREFIX = "agent:";
    private static final String FALLBACK_AGENT = "main";

    private SessionKeys() {}

    /**
     * The canonical form of a key.
     *
     * @param sessionKey the key as given, or {@code null} for the main session
     * @param agentId    the agent a key without an agent scope belongs to, or {@code null} for the default agent
     * @param info       the gateway's {@code hello-ok} (its default agent), or {@code null} before the first
     */
    public static String canonical(String sessionKey, String agentId, GatewayInfo info) {
        String owner = agentId != null ? agentId.toLowerCase(Locale.ROOT) : defaultAgent(info);
        String key = sessionKey == null ? "" : sessionKey.trim();
        if (key.isEmpty() || key.equalsIgnoreCase("main")) {
            return agentId == null && info != null ? info.mainSessionKey() : AGENT_PREFIX + owner + ":main";
        }
        String lower = lowerCase(key);
        return lower.startsWith(AGENT_PREFIX) || lower.equals("global") || lower.equals("unknown")
                ? lower
                : AGENT_PREFIX + owner + ":" + lower;
    }

    /** {@code agent:main:support-42} without {@code agent:main:}, or {@code null} for a key without an agent scope. */
    public static String withoutAgentScope(String canonicalKey) {
        if (canonicalKey == null || !canonicalKey.startsWith(AGENT_PREFIX)) {
            return null;
        }
        int end = canonicalKey.indexOf(':', AGENT_PREFIX.length());
        return end < 0 ? null : canonicalKey.substring(end + 1);
    }

    private static String defaultAgent(GatewayInfo info) {
        return info == null || info.defaultAgentId() == null ? FALLBACK_AGENT : info.defaultAgentId();
    }

    /** Lower case up to an opaque peer id ({@code signal:+4917...}, {@code matrix:@Alice:example.org}). */
    private static String lowerCase(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int opaque = Math.max(peerStart(lower, "signal:"), peerStart(lower, "matrix:"));
        return opaque < 0 ? lower : lower.substring(0, opaque) + key.substring(opaque);
    }

    private static int peerStart(String lower, String channel) {
        int at = lower.startsWith(channel) ? 0 : lower.indexOf(":" + channel);
        return at < 0 ? -1 : at + (at == 0 ? 0 : 1) + channel.length();
    }
}
