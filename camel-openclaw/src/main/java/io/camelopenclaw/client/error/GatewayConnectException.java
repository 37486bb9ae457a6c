package io.camelopenclaw.client.error;

/**
 * The gateway refused the {@code connect} handshake. {@link #needsOperatorAction()} tells whether retrying without a
 * configuration change or an operator's approval is pointless (classified by {@code details.code}, never by text).
 */
public class GatewayConnectException extends GatewayException {

    private final boolean needsOperatorAction;

    public GatewayConnectException(String message, GatewayError error, boolean needsOperatorAction) {
        super(message, error);
        this.needsOperatorAction = needsOperatorAction;
    }

    /** {@code true} when the answer is non-recoverable until someone acts (credentials, pairing, protocol). */
    public boolean needsOperatorAction() {
        return needsOperatorAction;
    }
}
