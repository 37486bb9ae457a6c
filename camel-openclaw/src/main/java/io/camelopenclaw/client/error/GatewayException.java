package io.camelopenclaw.client.error;

import java.util.Map;

/**
 * Base of every error the gateway client reports. Carries the gateway's error shape where there is one:
 * {@code code} (for example {@code INVALID_REQUEST}), {@code details.code} (for example {@code AUTH_TOKEN_MISMATCH}),
 * {@code retryable} and {@code retryAfterMs}. The {@code details.code} is always part of the message.
 */
public class GatewayException extends RuntimeException {

    private final GatewayError error;

    public GatewayException(String message) {
        this(message, GatewayError.NONE, null);
    }

    public GatewayException(String message, Throwable cause) {
        this(message, GatewayError.NONE, cause);
    }

    public GatewayException(String message, GatewayError error) {
        this(message, error, null);
    }

    public GatewayException(String message, GatewayError error, Throwable cause) {
        super(compose(message, error), cause);
        this.error = error == null ? GatewayError.NONE : error;
    }

    private static String compose(String message, GatewayError error) {
        if (error == null || error.detailsCode() == null || message.contains(error.detailsCode())) {
            return message;
        }
        return message + " [" + error.detailsCode() + "]";
    }

    /** The gateway's error shape, or {@link GatewayError#NONE} for client-side errors. */
    public GatewayError error() {
        return error;
    }

    /** The gateway's top-level error code, e.g. {@code INVALID_REQUEST}; {@code null} for client-side errors. */
    public String code() {
        return error.code();
    }

    /** The gateway's {@code error.details.code}, e.g. {@code AUTH_TOKEN_MISMATCH}; {@code null} when absent. */
    public String detailsCode() {
        return error.detailsCode();
    }

    /** Whether the gateway marked the error as retryable. */
    public boolean retryable() {
        return error.retryable();
    }

    /** The gateway's retry hint in milliseconds, or {@code null}. */
    public Long retryAfterMs() {
        return error.retryAfterMs();
    }

    /** The gateway's {@code error.details} object as a map (empty when absent). */
    public Map<String, Object> details() {
        return error.details();
    }
}
