package io.camelopenclaw.examples.kafka;

import java.io.PrintStream;
import java.time.Duration;

import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConsolePrinter;
import io.camelopenclaw.examples.support.ExampleGateway;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs the {@link KafkaBridge} on an embedded Kafka broker (KRaft) against the gateway of {@link ExampleGateway},
 * produces one record, prints the reply and the audit record as they arrive on their topics and stops. Arguments,
 * if any, are the message.
 */
public final class KafkaBridgeExample {

    public static final String REQUESTS = "agent-requests";
    public static final String REPLIES = "agent-replies";
    public static final String AUDIT = "agent-audit";

    private static final PrintStream OUT = System.out;

    private KafkaBridgeExample() {}

    public static void main(String[] args) throws Exception {
        String question = args.length > 0 ? String.join(" ", args) : "Hello from a Kafka topic";
        try (ExampleGateway gateway = ExampleGateway.fromEnvironment();
                EmbeddedKafka kafka = EmbeddedKafka.start(REQUESTS, REPLIES, AUDIT)) {
            OUT.println("Kafka bridge: topic " + REQUESTS + " on embedded Kafka (KRaft) at " + kafka.bootstrapServers()
                    + ", " + gateway.describe());
            CamelContext camel = createContext(gateway, kafka);
            ConsolePrinter console = new ConsolePrinter()
                    .print(
                            read(REPLIES),
                            m -> "< [" + REPLIES + ", key " + m.getHeader(KafkaConstants.KEY)
                                    + ", " + AgentReplies.STATUS + " " + m.getHeader(AgentReplies.STATUS, String.class)
                                    + "] "
                                    + m.getBody(String.class))
                    .print(
                            read(AUDIT),
                            m -> "  [" + AUDIT + ", key " + m.getHeader(KafkaConstants.KEY) + "] "
                                    + m.getBody(String.class));
            camel.addRoutes(console);
            camel.start();
            try {
                OUT.println("> [key demo] " + question);
                camel.createProducerTemplate()
                        .sendBodyAndHeader("kafka:" + REQUESTS, question, KafkaConstants.KEY, "demo");
                console.awaitEachPrinted(Duration.ofMinutes(5));
            } finally {
                camel.stop();
            }
        }
    }

    /** A Camel context with the bridge on the broker's topics, talking to the gateway (not started). */
    public static CamelContext createContext(ExampleGateway gateway, EmbeddedKafka kafka) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        gateway.configure(camel);
        camel.getComponent("kafka", KafkaComponent.class).getConfiguration().setBrokers(kafka.bootstrapServers());
        camel.addRoutes(new KafkaBridge(REQUESTS, REPLIES, AUDIT));
        return camel;
    }

    /** The demo reads the replies and audit topics in a consumer group of its own. */
    private static String read(String topic) {
        return "kafka:" + topic + "?groupId=demo-console&autoOffsetReset=earliest";
    }
}
