package io.camelopenclaw.client.run;

import io.camelopenclaw.client.error.GatewayException;

/** The agent run ended with {@code state:"error"}; {@link AgentRunResult#errorKind()} tells why. */
public class AgentRunFailedException extends AgentRunException {

    public AgentRunFailedException(AgentRunResult result) {
        super(
                "Agent run " + result.runId() + " failed"
                        + (result.errorKind() == null ? "" : " (" + result.errorKind() + ")")
                        + (result.errorMessage() == null ? "" : ": " + result.errorMessage()),
                result);
    }

    public AgentRunFailedException(AgentRunResult result, GatewayException cause) {
        super("Agent run " + result.runId() + " failed: " + cause.getMessage(), result, cause.error(), cause);
    }
}
