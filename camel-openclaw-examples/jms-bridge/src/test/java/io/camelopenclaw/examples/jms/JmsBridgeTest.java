package io.camelopenclaw.examples.jms;

import java.util.List;

import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ExampleGateway;
import io.camelopenclaw.testgateway.ReceivedRequest;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JMS bridge end to end: requests through a real (embedded) Artemis broker, runs on the test gateway. */
class JmsBridgeTest {

    private static final long RECEIVE_TIMEOUT_MS = 15_000;

    private static ExampleGateway gateway;
    private static EmbeddedArtemis broker;
    private CamelContext camel;

    @BeforeAll
    static void startServers() throws Exception {
        gateway = ExampleGateway.embedded();
        broker = EmbeddedArtemis.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        broker.close();
        gateway.close();
    }

    @BeforeEach
    void createBridge() throws Exception {
        camel = JmsBridgeExample.createContext(gateway, broker);
    }

    @AfterEach
    void stopBridge() throws Exception {
        camel.close();
    }

    @Test
    void aCamelRequesterGetsTheAgentsReplyOnItsTemporaryQueue() {
        camel.start();

        Exchange reply = camel.createProducerTemplate()
                .request(
                        "jms:queue:" + JmsBridgeExample.QUEUE + "?requestTimeout=" + RECEIVE_TIMEOUT_MS,
                        exchange -> exchange.getMessage().setBody("hello over JMS"));

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(String.class)).isEqualTo("ECHO: hello over JMS");
        assertThat(reply.getMessage().getHeader(AgentReplies.STATUS)).isEqualTo("ok");
        assertThat(reply.getMessage().getHeader(AgentReplies.RUN_ID, String.class))
                .startsWith("jms:ID:");
    }

    @Test
    void aCamelInOnlySenderGetsTheReplyOnTheQueueItNamesInJmsReplyTo() throws Exception {
        camel.start();
        camel.createProducerTemplate()
                .send("jms:queue:" + JmsBridgeExample.QUEUE + "?preserveMessageQos=true", exchange -> {
                    exchange.getMessage().setBody("no waiting requester");
                    exchange.getMessage().setHeader("JMSReplyTo", "agent.replies.in-only");
                });

        try (JMSContext jms = broker.connectionFactory().createContext()) {
            Message reply =
                    jms.createConsumer(jms.createQueue("agent.replies.in-only")).receive(RECEIVE_TIMEOUT_MS);
            assertThat(reply.getBody(String.class)).isEqualTo("ECHO: no waiting requester");
        }
    }

    @Test
    void aGroupIsOneConversationAndRepliesGoToJmsReplyTo() throws Exception {
        camel.start();
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            Queue replies = jms.createQueue("agent.replies");
            JMSConsumer consumer = jms.createConsumer(replies);
            TextMessage first = send(jms, "first question", "Conversation-7", replies);
            Message firstReply = consumer.receive(RECEIVE_TIMEOUT_MS);
            TextMessage second = send(jms, "second question", "Conversation-7", replies);
            Message secondReply = consumer.receive(RECEIVE_TIMEOUT_MS);

            assertThat(firstReply.getBody(String.class)).isEqualTo("ECHO: first question");
            assertThat(firstReply.getJMSCorrelationID()).isEqualTo(first.getJMSMessageID());
            assertThat(secondReply.getBody(String.class)).isEqualTo("ECHO: second question");
            assertThat(secondReply.getJMSCorrelationID()).isEqualTo(second.getJMSMessageID());
            for (Message reply : List.of(firstReply, secondReply)) {
                assertThat(reply.getStringProperty(AgentReplies.SESSION_KEY))
                        .isEqualTo("agent:main:jms:conversation-7");
                assertThat(reply.getStringProperty(AgentReplies.STATUS)).isEqualTo("ok");
            }
        }
        assertThat(gateway.userMessages("agent:main:jms:conversation-7")).isEqualTo(2);
    }

    @Test
    void aBrokerRedeliveryJoinsTheRunOfTheFirstDelivery() throws Exception {
        AdviceWith.adviceWith(
                camel,
                JmsBridge.ROUTE_ID,
                route -> route.weaveByToUri("openclaw:agent").after().process(exchange -> {
                    if (!exchange.getMessage().getHeader("JMSRedelivered", Boolean.class)) {
                        throw new IllegalStateException("crash after the run, before the commit");
                    }
                }));
        camel.start();
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            Queue replies = jms.createTemporaryQueue();
            TextMessage request = send(jms, "only one paid run", "redelivered", replies);
            Message reply = jms.createConsumer(replies).receive(RECEIVE_TIMEOUT_MS);

            assertThat(reply.getBody(String.class)).isEqualTo("ECHO: only one paid run");
            assertThat(chatSendKeys("agent:main:jms:redelivered"))
                    .containsExactly("jms:" + request.getJMSMessageID(), "jms:" + request.getJMSMessageID());
        }
        assertThat(gateway.userMessages("agent:main:jms:redelivered")).isEqualTo(1);
    }

    @Test
    void aFailedRunIsAnsweredWithItsStatus() throws Exception {
        camel.start();
        try (JMSContext jms = broker.connectionFactory().createContext()) {
            Queue replies = jms.createTemporaryQueue();
            send(jms, "FAIL:rate_limit", "failing", replies);
            Message reply = jms.createConsumer(replies).receive(RECEIVE_TIMEOUT_MS);

            assertThat(reply.getBody(String.class))
                    .isEqualTo(
                            "The agent could not answer (error, rate_limit): API rate limit reached. Please try again later.");
            assertThat(reply.getStringProperty(AgentReplies.STATUS)).isEqualTo("error");
            assertThat(reply.getStringProperty(AgentReplies.ERROR_KIND)).isEqualTo("rate_limit");
        }
    }

    private static TextMessage send(JMSContext jms, String text, String group, Queue replyTo) throws Exception {
        TextMessage message = jms.createTextMessage(text);
        message.setStringProperty("JMSXGroupID", group);
        message.setJMSReplyTo(replyTo);
        jms.createProducer().send(jms.createQueue(JmsBridgeExample.QUEUE), message);
        return message;
    }

    private static List<String> chatSendKeys(String session) {
        return gateway.testGateway().receivedRequests().stream()
                .filter(r -> "chat.send".equals(r.method()))
                .map(ReceivedRequest::params)
                .filter(p -> session.equals(p.path("sessionKey").asText()))
                .map(p -> p.path("idempotencyKey").asText())
                .toList();
    }
}
