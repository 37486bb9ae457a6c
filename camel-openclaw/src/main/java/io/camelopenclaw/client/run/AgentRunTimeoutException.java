package io.camelopenclaw.client.run;

/** The agent run exceeded its run or idle timeout, or could not be reattached in time; it was aborted on the gateway. */
public class AgentRunTimeoutException extends AgentRunException {

    public AgentRunTimeoutException(String reason, AgentRunResult result) {
        super("Agent run " + result.runId() + " timed out: " + reason, result);
    }
}
