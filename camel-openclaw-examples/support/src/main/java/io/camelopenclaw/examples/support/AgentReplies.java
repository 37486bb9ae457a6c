package io.camelopenclaw.examples.support;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What a bridge puts on a reply besides the agent's text: the run's facts as plain headers. Transports drop
 * {@code Camel*} headers (JMS, Kafka and mail header filters), so the {@code CamelOpenClaw*} headers are copied to
 * names every one of them carries (valid JMS property names, Kafka record headers and mail header fields).
 */
public final class AgentReplies {

    public static final String RUN_ID = "OpenClawRunId";
    public static final String SESSION_KEY = "OpenClawSessionKey";
    public static final String STATUS = "OpenClawStatus";
    public static final String ERROR_KIND = "OpenClawErrorKind";

    private AgentReplies() {}

    /** Copies the run id, session key, status and error kind of the run that just ended to the plain headers. */
    public static void exposeRunFacts(Exchange exchange) {
        Message message = exchange.getMessage();
        copy(message, OpenClawConstants.RUN_ID, RUN_ID);
        copy(message, OpenClawConstants.SESSION_KEY, SESSION_KEY);
        copy(message, OpenClawConstants.STATUS, STATUS);
        copy(message, OpenClawConstants.ERROR_KIND, ERROR_KIND);
    }

    /**
     * Turns a run that failed, timed out or was aborted ({@code onException(AgentRunException.class)}) into a reply
     * that says so, so the sender is not left waiting: the body names the outcome, the headers carry the facts.
     */
    public static void failureReply(Exchange exchange) {
        Message message = exchange.getMessage();
        String kind = message.getHeader(OpenClawConstants.ERROR_KIND, String.class);
        String error = message.getHeader(OpenClawConstants.ERROR_MESSAGE, String.class);
        message.setBody("The agent could not answer (" + message.getHeader(OpenClawConstants.STATUS, String.class)
                + (kind != null ? ", " + kind : "") + ")" + (error != null ? ": " + error : ""));
        exposeRunFacts(exchange);
    }

    private static void copy(Message message, String from, String to) {
        Object value = message.getHeader(from);
        if (value != null) {
            message.setHeader(to, value.toString());
        }
    }
}
