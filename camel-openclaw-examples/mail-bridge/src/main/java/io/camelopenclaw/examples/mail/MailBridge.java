package io.camelopenclaw.examples.mail;

import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConversationKeys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The bridge: every unseen mail in the agent's mailbox becomes an agent run, and the reply is mailed back to the
 * sender in the same thread ({@code In-Reply-To}, {@code References}, {@code Re:} subject).
 * <ul>
 * <li>Session: the thread's root {@code Message-ID} ({@link MailThread}), so every mail of a thread continues one
 * conversation.</li>
 * <li>Idempotency key: the mail's {@code Message-ID} (for a mail without one, an id derived from its sender, date,
 * subject and text, so that it too is the same on every read). A mail whose processing fails stays unseen and is read again
 * at the next poll; that read joins the run the first one started instead of paying for a second one.</li>
 * <li>A run that fails, times out or is aborted is answered too, with a text saying so and the
 * {@link AgentReplies} header fields ({@code OpenClawStatus}, ...).</li>
 * </ul>
 */
public class MailBridge extends RouteBuilder {

    public static final String CHANNEL = "mail";
    private static final String THREAD = "MailBridgeThread";

    private final String inbox;
    private final String outbox;
    private final String address;

    /**
     * @param inbox   the endpoint the agent's mail is read from, e.g. {@code imap://host?username=...}
     * @param outbox  the endpoint replies are sent through, e.g. {@code smtp://host}
     * @param address the agent's address, the {@code From} of replies
     */
    public MailBridge(String inbox, String outbox, String address) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.address = address;
    }

    @Override
    public void configure() {
        onException(AgentRunException.class)
                .handled(true)
                .process(AgentReplies::failureReply)
                .process(this::replyEnvelope)
                .to(outbox);

        from(inbox)
                .routeId("mail-bridge")
                .process(MailBridge::request)
                .to("openclaw:agent")
                .process(AgentReplies::exposeRunFacts)
                .process(this::replyEnvelope)
                .to(outbox);
    }

    /** The mail's text becomes the message, its thread the session, its id the idempotency key. */
    static void request(Exchange exchange) {
        Message mail = exchange.getMessage();
        String messageId = mail.getHeader("Message-ID", String.class);
        if (messageId == null || messageId.isBlank()) {
            messageId = MailThread.syntheticId(
                    mail.getHeader("From", String.class),
                    mail.getHeader("Date", String.class),
                    mail.getHeader("Subject", String.class),
                    mail.getBody(String.class));
        }
        MailThread thread = MailThread.of(
                messageId, mail.getHeader("In-Reply-To", String.class), mail.getHeader("References", String.class));
        exchange.setProperty(THREAD, thread);
        mail.setHeader(OpenClawConstants.SESSION_KEY, ConversationKeys.sessionKey(CHANNEL, thread.root()));
        mail.setHeader(OpenClawConstants.IDEMPOTENCY_KEY, ConversationKeys.idempotencyKey(CHANNEL, thread.messageId()));
        mail.setBody(mail.getBody(String.class).strip());
    }

    /** Replaces the incoming mail's header fields with those of the reply (keeping the run facts). */
    private void replyEnvelope(Exchange exchange) {
        Message message = exchange.getMessage();
        MailThread thread = exchange.getProperty(THREAD, MailThread.class);
        String to = message.getHeader("Reply-To", () -> message.getHeader("From"), String.class);
        String subject = MailThread.replySubject(message.getHeader("Subject", String.class));
        message.removeHeaders("*", "OpenClaw*");
        message.setHeader("From", address);
        message.setHeader("To", to);
        message.setHeader("Subject", subject);
        message.setHeader("In-Reply-To", thread.messageId());
        message.setHeader("References", thread.replyReferences());
    }
}
