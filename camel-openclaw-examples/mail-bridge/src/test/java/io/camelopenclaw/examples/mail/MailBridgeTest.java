package io.camelopenclaw.examples.mail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConversationKeys;
import io.camelopenclaw.examples.support.ExampleGateway;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail bridge end to end: mail through a real (embedded GreenMail) SMTP and IMAP server, runs on the test gateway. */
class MailBridgeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static ExampleGateway gateway;
    private static EmbeddedMail mail;
    private static CamelContext camel;
    private static Session smtp;

    @BeforeAll
    static void start() throws Exception {
        gateway = ExampleGateway.embedded();
        mail = EmbeddedMail.start();
        camel = MailBridgeExample.createContext(gateway, mail);
        camel.start();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", EmbeddedMail.HOST);
        properties.put("mail.smtp.port", String.valueOf(mail.server().getSmtp().getPort()));
        smtp = Session.getInstance(properties);
    }

    @AfterAll
    static void stop() {
        camel.stop();
        mail.close();
        gateway.close();
    }

    @Test
    void aThreadIsOneConversationAndRepliesStayInIt() throws Exception {
        MimeMessage first = send("bob@example.com", "Order 42", "where is my order?", null);
        MimeMessage reply = inbox("bob@example.com", 1).get(0);

        assertThat(reply.getSubject()).isEqualTo("Re: Order 42");
        assertThat(reply.getFrom()).containsExactly(new InternetAddress(EmbeddedMail.AGENT_ADDRESS));
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(first.getMessageID());
        assertThat(reply.getHeader("References", null)).isEqualTo(first.getMessageID());
        assertThat(text(reply)).isEqualTo("ECHO: where is my order?");
        String session = ConversationKeys.sessionKey("mail", first.getMessageID());
        assertThat(reply.getHeader(AgentReplies.SESSION_KEY, null)).isEqualTo(session);
        assertThat(reply.getHeader(AgentReplies.STATUS, null)).isEqualTo("ok");

        MimeMessage second = send("bob@example.com", reply.getSubject(), "thanks!", reply);
        MimeMessage secondReply = inbox("bob@example.com", 2).get(1);

        assertThat(secondReply.getSubject()).isEqualTo("Re: Order 42");
        assertThat(secondReply.getHeader("In-Reply-To", null)).isEqualTo(second.getMessageID());
        assertThat(secondReply.getHeader("References", null))
                .isEqualTo(first.getMessageID() + " " + reply.getMessageID() + " " + second.getMessageID());
        assertThat(text(secondReply)).isEqualTo("ECHO: thanks!");
        assertThat(secondReply.getHeader(AgentReplies.SESSION_KEY, null)).isEqualTo(session);
        assertThat(gateway.userMessages(session)).isEqualTo(2);
    }

    @Test
    void aFailedRunIsAnsweredInItsThread() throws Exception {
        MimeMessage request = send("carol@example.com", "Help", "FAIL:refusal", null);
        MimeMessage reply = inbox("carol@example.com", 1).get(0);

        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(request.getMessageID());
        assertThat(text(reply)).isEqualTo("The agent could not answer (error, refusal): The model refused to answer.");
        assertThat(reply.getHeader(AgentReplies.STATUS, null)).isEqualTo("error");
        assertThat(reply.getHeader(AgentReplies.ERROR_KIND, null)).isEqualTo("refusal");
    }

    /** Mails the agent, as a reply to {@code inReplyTo} when given; returns the mail as sent (with its id). */
    private static MimeMessage send(String from, String subject, String text, MimeMessage inReplyTo) throws Exception {
        MimeMessage message = new MimeMessage(smtp);
        message.setFrom(from);
        message.setRecipients(RecipientType.TO, EmbeddedMail.AGENT_ADDRESS);
        message.setSubject(subject);
        message.setText(text);
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo.getMessageID());
            message.setHeader("References", inReplyTo.getHeader("References", null) + " " + inReplyTo.getMessageID());
        }
        Transport.send(message);
        return message;
    }

    /** The mail delivered to the address, once there are {@code count} of them. */
    private static List<MimeMessage> inbox(String address, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<MimeMessage> received = Arrays.stream(mail.server().getReceivedMessages())
                    .filter(m -> recipient(m).equals(address))
                    .toList();
            if (received.size() >= count || System.nanoTime() > deadline) {
                assertThat(received).as("mail to " + address).hasSize(count);
                return received;
            }
            Thread.sleep(50);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString().strip();
    }
}
