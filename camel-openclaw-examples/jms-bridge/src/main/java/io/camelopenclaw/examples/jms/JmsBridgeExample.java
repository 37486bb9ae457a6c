package io.camelopenclaw.examples.jms;

import java.io.PrintStream;

import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs the {@link JmsBridge} on an embedded Artemis broker against the gateway of {@link ExampleGateway}, sends one
 * request to the queue as any JMS requester would (InOut: a temporary reply queue and {@code JMSReplyTo}), prints the
 * agent's reply and stops. Arguments, if any, are the message.
 * <p>
 * Camel's JMS requester gives up after {@code requestTimeout} (default 20 s), far less than an agent run may take,
 * and its request expires on the queue after the same time. Set it above the bridge's {@code runTimeout}, as here, or
 * send InOnly with a {@code JMSReplyTo} queue that a separate consumer reads (see the README).
 */
public final class JmsBridgeExample {

    public static final String QUEUE = "agent.requests";
    /** Above the agent producer's {@code runTimeout} (default 10 min), so the requester outwaits any run. */
    public static final long REQUEST_TIMEOUT_MS = 11 * 60 * 1000;

    private static final PrintStream OUT = System.out;

    private JmsBridgeExample() {}

    public static void main(String[] args) throws Exception {
        String question = args.length > 0 ? String.join(" ", args) : "Hello from a JMS queue";
        try (ExampleGateway gateway = ExampleGateway.fromEnvironment();
                EmbeddedArtemis broker = EmbeddedArtemis.start()) {
            OUT.println("JMS bridge: queue " + QUEUE + " on embedded Artemis at " + broker.url() + ", "
                    + gateway.describe());
            CamelContext camel = createContext(gateway, broker);
            camel.start();
            try {
                ask(camel, question);
            } finally {
                camel.stop();
            }
        }
    }

    /** Sends the question as a JMS request and prints the reply. */
    private static void ask(CamelContext camel, String question) throws Exception {
        OUT.println("> " + question);
        Exchange reply = camel.createProducerTemplate()
                .request("jms:queue:" + QUEUE + "?requestTimeout=" + REQUEST_TIMEOUT_MS, exchange -> {
                    exchange.getMessage().setBody(question);
                    exchange.getMessage().setHeader("JMSXGroupID", "jms-bridge-demo");
                });
        if (reply.getException() != null) {
            throw reply.getException();
        }
        Message answer = reply.getMessage();
        OUT.println("< " + answer.getBody(String.class));
        OUT.println("  (run " + answer.getHeader(AgentReplies.RUN_ID) + ", status "
                + answer.getHeader(AgentReplies.STATUS) + ", session "
                + answer.getHeader(AgentReplies.SESSION_KEY) + ")");
    }

    /** A Camel context with the bridge on the broker's request queue, talking to the gateway (not started). */
    public static CamelContext createContext(ExampleGateway gateway, EmbeddedArtemis broker) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        gateway.configure(camel);
        camel.addComponent("jms", JmsComponent.jmsComponent(broker.connectionFactory()));
        camel.addRoutes(new JmsBridge(QUEUE));
        return camel;
    }
}
