package io.camelopenclaw.client.run;

import java.util.Locale;

/** How an agent run ended. */
public enum RunOutcome {
    /** Finished with visible text. */
    OK,
    /** Finished without text (for example the agent answered {@code NO_REPLY}); a valid outcome, not an error. */
    SILENT,
    /** Aborted by a client, a channel or a stop command. */
    ABORTED,
    /** Failed on the gateway or the model ({@code errorKind} tells why). */
    ERROR,
    /** Exceeded the run or idle timeout on the client; the run was aborted on the gateway. */
    TIMEOUT;

    /** The lower-case name used in headers and logs ({@code ok}, {@code silent}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code true} for {@link #OK} and {@link #SILENT}. */
    public boolean isSuccess() {
        return this == OK || this == SILENT;
    }
}
