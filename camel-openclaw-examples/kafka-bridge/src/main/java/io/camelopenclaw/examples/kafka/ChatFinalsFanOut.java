package io.camelopenclaw.examples.kafka;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spi.RoutePolicy;

/**
 * Fan-out through Kafka (docs/operations.md, "Fan out through a broker"): one node of a cluster receives the gateway's
 * chat finals and publishes them to a topic keyed by session, and any number of nodes share them in a consumer group.
 * <ul>
 * <li>{@link #publisher}: the events route under a clustered route policy (only the leader runs it), with
 * {@code catchUp} so that a new leader publishes the runs that ended while no node led, and the repository of
 * delivered runs ({@code #deliveredRuns}) shared by the nodes so that none is published twice.</li>
 * <li>{@link #processors}: a consumer group on the topic; the session key is the record key, so a session's finals
 * share a partition and reach one member in order.</li>
 * </ul>
 */
public final class ChatFinalsFanOut {

    /** The registry name of the {@code IdempotentRepository} of delivered runs the publisher uses. */
    public static final String DELIVERED_RUNS = "deliveredRuns";

    private ChatFinalsFanOut() {}

    /** The publisher route ({@code openclaw-chat-finals}) under {@code clustered}, to {@code kafka:<topic>}. */
    public static RouteBuilder publisher(String topic, RoutePolicy clustered) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("openclaw:events?events=chat&states=final&payloadFormat=json&catchUp=true"
                                + "&idempotentRepository=#" + DELIVERED_RUNS)
                        .routeId("openclaw-chat-finals")
                        .routePolicy(clustered)
                        .setHeader(KafkaConstants.KEY, header(OpenClawConstants.SESSION_KEY))
                        .to("kafka:" + topic);
            }
        };
    }

    /** A member of consumer group {@code groupId} on the topic, handing each final (JSON) to {@code processor}. */
    public static RouteBuilder processors(String topic, String groupId, Processor processor) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:" + topic + "?groupId=" + groupId + "&autoOffsetReset=earliest")
                        .routeId("chat-final-processor")
                        .process(processor);
            }
        };
    }
}
