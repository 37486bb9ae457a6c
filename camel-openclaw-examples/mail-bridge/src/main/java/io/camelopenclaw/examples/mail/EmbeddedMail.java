package io.camelopenclaw.examples.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server in this JVM (GreenMail): SMTP and IMAP on free loopback ports, mailboxes in memory, created on
 * first delivery. The agent's mailbox has a password so the bridge logs in over IMAP like any mail client.
 */
public final class EmbeddedMail implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String AGENT_ADDRESS = "agent@example.org";
    public static final String AGENT_PASSWORD = "agent-secret";

    private final GreenMail server;

    private EmbeddedMail(GreenMail server) {
        this.server = server;
    }

    public static EmbeddedMail start() {
        GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        server.start();
        EmbeddedMail mail = new EmbeddedMail(server);
        mail.addUser(AGENT_ADDRESS, AGENT_PASSWORD);
        return mail;
    }

    /** Adds a mailbox that can log in over IMAP. */
    public void addUser(String address, String password) {
        server.setUser(address, address, password);
    }

    /** One line for the console. */
    public String describe() {
        return "GreenMail with SMTP on " + HOST + ":" + server.getSmtp().getPort() + " and IMAP on " + HOST + ":"
                + server.getImap().getPort();
    }

    /**
     * The Camel endpoint that sends mail through this server, addressed by the message's {@code From}, {@code To},
     * {@code Subject} and {@code Reply-To} headers (a reply goes to whoever wrote; since Camel 4.22 such headers
     * override an endpoint's addressing only when the endpoint says so).
     */
    public String smtpUri() {
        return "smtp://" + HOST + ":" + server.getSmtp().getPort()
                + "?useHeaderRecipients=true&useHeaderFrom=true&useHeaderSubject=true&useHeaderReplyTo=true";
    }

    /** The Camel endpoint that reads a mailbox's unseen mail over IMAP, polling every second. */
    public String imapUri(String address, String password) {
        return "imap://" + HOST + ":" + server.getImap().getPort() + "?username=" + address + "&password=RAW("
                + password + ")&delay=1000";
    }

    /** The GreenMail server, to read mailboxes in tests. */
    public GreenMail server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
