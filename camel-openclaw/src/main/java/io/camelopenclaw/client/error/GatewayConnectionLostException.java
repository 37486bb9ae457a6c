package io.camelopenclaw.client.error;

/** The WebSocket closed while a request was pending (or the client was closed). */
public class GatewayConnectionLostException extends GatewayException {

    private final int closeCode;

    public GatewayConnectionLostException(int closeCode, String reason) {
        super("Gateway connection closed (" + closeCode + (reason == null || reason.isEmpty() ? "" : " " + reason)
                + ")");
        this.closeCode = closeCode;
    }

    /** The WebSocket close code (1006 for an abnormal close). */
    public int closeCode() {
        return closeCode;
    }
}
