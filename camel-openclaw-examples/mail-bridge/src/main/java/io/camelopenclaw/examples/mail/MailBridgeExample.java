package io.camelopenclaw.examples.mail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import io.camelopenclaw.examples.support.ConsolePrinter;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs the {@link MailBridge} on an embedded mail server (GreenMail) against the gateway of {@link ExampleGateway}:
 * a user mails the agent over SMTP, the reply is printed as the user's IMAP mailbox receives it, then it stops.
 * Arguments, if any, are the mail's text.
 */
public final class MailBridgeExample {

    public static final String USER_ADDRESS = "alice@example.com";
    public static final String USER_PASSWORD = "alice-secret";

    private static final PrintStream OUT = System.out;

    private MailBridgeExample() {}

    public static void main(String[] args) throws Exception {
        String question = args.length > 0 ? String.join(" ", args) : "Hello by e-mail";
        try (ExampleGateway gateway = ExampleGateway.fromEnvironment();
                EmbeddedMail mail = EmbeddedMail.start()) {
            OUT.println("Mail bridge: mailbox " + EmbeddedMail.AGENT_ADDRESS + " on embedded " + mail.describe() + ", "
                    + gateway.describe());
            mail.addUser(USER_ADDRESS, USER_PASSWORD);
            CamelContext camel = createContext(gateway, mail);
            ConsolePrinter console = new ConsolePrinter()
                    .print(
                            mail.imapUri(USER_ADDRESS, USER_PASSWORD),
                            m -> "< [" + USER_ADDRESS + "'s inbox] Subject: " + m.getHeader("Subject")
                                    + ", In-Reply-To: " + m.getHeader("In-Reply-To") + "\n  "
                                    + m.getBody(String.class).strip());
            camel.addRoutes(console);
            camel.start();
            try {
                OUT.println("> [" + USER_ADDRESS + " to " + EmbeddedMail.AGENT_ADDRESS + "] " + question);
                camel.createProducerTemplate()
                        .sendBodyAndHeaders(
                                mail.smtpUri(),
                                question,
                                Map.of(
                                        "From",
                                        USER_ADDRESS,
                                        "To",
                                        EmbeddedMail.AGENT_ADDRESS,
                                        "Subject",
                                        "A question"));
                console.awaitEachPrinted(Duration.ofMinutes(5));
            } finally {
                camel.stop();
            }
        }
    }

    /** A Camel context with the bridge on the agent's mailbox, talking to the gateway (not started). */
    public static CamelContext createContext(ExampleGateway gateway, EmbeddedMail mail) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        gateway.configure(camel);
        camel.addRoutes(new MailBridge(
                mail.imapUri(EmbeddedMail.AGENT_ADDRESS, EmbeddedMail.AGENT_PASSWORD),
                mail.smtpUri(),
                EmbeddedMail.AGENT_ADDRESS));
        return camel;
    }
}
