package io.camelopenclaw.client.error;

/**
 * The gateway requires this device to be paired ({@code PAIRING_REQUIRED}). Carries the pending request id and the
 * gateway's remediation hint; approve with {@code openclaw devices approve <requestId>}.
 */
public class PairingRequiredException extends GatewayConnectException {

    public PairingRequiredException(GatewayError error) {
        super(
                "Gateway requires device pairing (reason " + error.detail("reason") + "); approve request "
                        + error.detail("requestId") + " with 'openclaw devices approve " + error.detail("requestId")
                        + "'"
                        + (error.detail("remediationHint") == null ? "" : " (" + error.detail("remediationHint") + ")"),
                error,
                true);
    }

    /** The pending pairing request id to approve, or {@code null} if the gateway sent none. */
    public String requestId() {
        return error().detail("requestId");
    }

    /** The gateway's remediation hint, or {@code null}. */
    public String remediationHint() {
        return error().detail("remediationHint");
    }
}
