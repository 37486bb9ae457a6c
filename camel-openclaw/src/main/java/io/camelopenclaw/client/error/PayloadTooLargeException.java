package io.camelopenclaw.client.error;

/** An outbound frame or attachment exceeds the limits the gateway advertised in {@code hello-ok.policy}. */
public class PayloadTooLargeException extends GatewayException {

    private final long size;
    private final long limit;

    public PayloadTooLargeException(String what, long size, long limit) {
        super(what + " of " + size + " bytes exceeds the gateway limit of " + limit + " bytes [PAYLOAD_TOO_LARGE]");
        this.size = size;
        this.limit = limit;
    }

    /** The offending size in bytes. */
    public long size() {
        return size;
    }

    /** The gateway's limit in bytes. */
    public long limit() {
        return limit;
    }
}
