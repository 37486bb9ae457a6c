package io.camelopenclaw.client.run;

/** The agent run was aborted (by this client, another client, or a stop command). */
public class AgentRunAbortedException extends AgentRunException {

    public AgentRunAbortedException(AgentRunResult result) {
        super(
                "Agent run " + result.runId() + " was aborted"
                        + (result.stopReason() == null ? "" : " (" + result.stopReason() + ")"),
                result);
    }
}
