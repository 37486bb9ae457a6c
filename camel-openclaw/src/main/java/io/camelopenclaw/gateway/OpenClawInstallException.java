package io.camelopenclaw.gateway;

/** Installing Node or an OpenClaw release into the cache failed; the message ends with the tail of npm's output. */
public class OpenClawInstallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String outputTail;

    public OpenClawInstallException(String message, String outputTail) {
        this(message, outputTail, null);
    }

    public OpenClawInstallException(String message, String outputTail, Throwable cause) {
        super(
                outputTail == null || outputTail.isEmpty()
                        ? message
                        : message + System.lineSeparator() + "--- last lines of npm output ---" + System.lineSeparator()
                                + outputTail,
                cause);
        this.outputTail = outputTail == null ? "" : outputTail;
    }

    /** The last lines of npm's output ({@code ""} if npm did not run). */
    public String outputTail() {
        return outputTail;
    }
}
