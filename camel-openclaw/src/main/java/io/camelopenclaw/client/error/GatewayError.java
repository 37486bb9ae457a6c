package io.camelopenclaw.client.error;

import java.util.Map;

/**
 * The gateway's {@code ErrorShape}: {@code {code, message, details?, retryable?, retryAfterMs?}}.
 *
 * @param code         top-level code such as {@code INVALID_REQUEST}, {@code FORBIDDEN}, {@code UNAVAILABLE}
 * @param message      the gateway's message (never used for classification)
 * @param detailsCode  {@code details.code} such as {@code AUTH_TOKEN_MISMATCH} or {@code MISSING_SCOPE}
 * @param retryable    the gateway's retry flag
 * @param retryAfterMs the gateway's retry hint, or {@code null}
 * @param details      the whole {@code details} object (immutable; empty when absent)
 */
public record GatewayError(
        String code,
        String message,
        String detailsCode,
        boolean retryable,
        Long retryAfterMs,
        Map<String, Object> details) {

    /** No gateway error: used for errors raised by the client itself. */
    public static final GatewayError NONE = new GatewayError(null, null, null, false, null, Map.of());

    public GatewayError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A {@code details} entry as text, or {@code null}. */
    public String detail(String name) {
        Object value = details.get(name);
        return value == null ? null : value.toString();
    }
}
