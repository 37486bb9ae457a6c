package io.camelopenclaw.gateway;

/**
 * An OpenClaw gateway process did not become ready: it exited early, or {@code /readyz} did not answer 200 within
 * the startup timeout. The message ends with the tail of the gateway's output, with the token redacted.
 */
public class GatewayStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String logTail;

    public GatewayStartException(String message, String logTail) {
        this(message, logTail, null);
    }

    public GatewayStartException(String message, String logTail, Throwable cause) {
        super(
                message + System.lineSeparator() + "--- last lines of gateway output ---" + System.lineSeparator()
                        + logTail,
                cause);
        this.logTail = logTail;
    }

    /** The last lines of the gateway's output, token redacted. */
    public String logTail() {
        return logTail;
    }
}
