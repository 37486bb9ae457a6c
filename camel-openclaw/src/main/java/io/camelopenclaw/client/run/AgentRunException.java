package io.camelopenclaw.client.run;

import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayException;

/**
 * An agent run ended with an outcome that is not a success: {@code error}, {@code aborted} or {@code timeout}. The
 * partial result (text so far, usage, tool calls) is attached.
 */
public class AgentRunException extends GatewayException {

    private final transient AgentRunResult result;

    public AgentRunException(String message, AgentRunResult result) {
        this(message, result, GatewayError.NONE, null);
    }

    public AgentRunException(String message, AgentRunResult result, GatewayError error, Throwable cause) {
        super(message, error, cause);
        this.result = result;
    }

    /** The run's (partial) result. */
    public AgentRunResult result() {
        return result;
    }
}
