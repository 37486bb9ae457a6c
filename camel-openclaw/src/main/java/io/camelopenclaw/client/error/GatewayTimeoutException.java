package io.camelopenclaw.client.error;

/** A handshake step or a request did not complete in time. */
public class GatewayTimeoutException extends GatewayException {

    public GatewayTimeoutException(String message) {
        super(message);
    }
}
