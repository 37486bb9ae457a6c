package io.camelopenclaw.client.api;

import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.PairingRequiredException;

/**
 * A snapshot of the connection: its state, a human-readable reason and the error that caused it, if any.
 *
 * @param state  the state
 * @param reason why the connection is in this state (never contains secrets), or {@code null}
 * @param error  the error behind it, or {@code null}
 */
public record ConnectionStatus(ConnectionState state, String reason, GatewayException error) {

    /** The pairing request id when the gateway asked for device pairing, else {@code null}. */
    public String pairingRequestId() {
        return error instanceof PairingRequiredException p ? p.requestId() : null;
    }
}
