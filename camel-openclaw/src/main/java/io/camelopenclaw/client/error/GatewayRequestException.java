package io.camelopenclaw.client.error;

/** A gateway method answered {@code ok:false}. */
public class GatewayRequestException extends GatewayException {

    private final String method;

    public GatewayRequestException(String method, GatewayError error) {
        super("Gateway method " + method + " failed: " + error.code() + " " + error.message(), error);
        this.method = method;
    }

    /** The method that failed. */
    public String method() {
        return method;
    }
}
