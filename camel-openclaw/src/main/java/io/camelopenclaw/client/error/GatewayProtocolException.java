package io.camelopenclaw.client.error;

/** The gateway sent something that is not a valid frame (malformed JSON, unknown frame type, oversized frame). */
public class GatewayProtocolException extends GatewayException {

    public GatewayProtocolException(String message) {
        super(message);
    }

    public GatewayProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
