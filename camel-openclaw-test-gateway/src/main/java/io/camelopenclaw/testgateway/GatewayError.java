package io.camelopenclaw.testgateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A protocol error: the {@code ErrorShape} of a failed {@code res}, and optionally the close that follows it.
 */
final class GatewayError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String INVALID_REQUEST = "INVALID_REQUEST";
    static final String FORBIDDEN = "FORBIDDEN";
    static final String NOT_PAIRED = "NOT_PAIRED";
    static final String UNAVAILABLE = "UNAVAILABLE";

    private final String code;
    private transient ObjectNode details;
    private Long retryAfterMs;
    private String payloadJson;
    private int closeCode;
    private String closeReason;

    GatewayError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static GatewayError invalidRequest(String message) {
        return new GatewayError(INVALID_REQUEST, message);
    }

    GatewayError details(ObjectNode details) {
        this.details = details;
        return this;
    }

    /** A payload sent beside the error (as 2026.9.6 does when it replays a failed run's idempotency key). */
    GatewayError payload(String payloadJson) {
        this.payloadJson = payloadJson;
        return this;
    }

    String payloadJson() {
        return payloadJson;
    }

    /** Marks the error retryable after the given delay. */
    GatewayError retryAfter(long millis) {
        this.retryAfterMs = millis;
        return this;
    }

    /** Closes the socket after the response, with the message as the close reason. */
    GatewayError closing(int code) {
        return closing(code, getMessage());
    }

    GatewayError closing(int code, String reason) {
        this.closeCode = code;
        this.closeReason = reason;
        return this;
    }

    String code() {
        return code;
    }

    ObjectNode details() {
        return details;
    }

    int closeCode() {
        return closeCode;
    }

    String closeReason() {
        return closeReason;
    }

    /** The wire {@code ErrorShape}, in the field order the real gateway uses. */
    ObjectNode toJson() {
        ObjectNode error = Json.object().put("code", code).put("message", getMessage());
        if (retryAfterMs != null) {
            error.put("retryable", true).put("retryAfterMs", retryAfterMs);
        }
        if (details != null) {
            error.set("details", details);
        }
        return error;
    }
}
