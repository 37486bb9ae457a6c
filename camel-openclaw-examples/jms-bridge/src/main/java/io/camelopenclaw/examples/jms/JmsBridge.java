package io.camelopenclaw.examples.jms;

import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConversationKeys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * The bridge: every message on the request queue becomes an agent run, and the agent's reply goes to the message's
 * {@code JMSReplyTo} (messages without one run the agent and are done).
 * <ul>
 * <li>Session: {@code JMSXGroupID}, else {@code JMSCorrelationID}, else {@code JMSMessageID} (a conversation of one
 * message). Message groups also keep a conversation on one consumer, in order.</li>
 * <li>Idempotency key: the {@code JMSMessageID}. The consumer is transacted, so a message whose processing fails
 * (gateway unreachable, crash before commit) is rolled back and redelivered by the broker, and the redelivery joins
 * the run the first delivery started instead of paying for a second one.</li>
 * <li>A run that fails, times out or is aborted is answered too, with a text saying so and the
 * {@link AgentReplies} properties ({@code OpenClawStatus}, ...), so the requester is not left waiting.</li>
 * </ul>
 */
public class JmsBridge extends RouteBuilder {

    public static final String ROUTE_ID = "jms-bridge";
    public static final String CHANNEL = "jms";

    private final String queue;

    public JmsBridge(String queue) {
        this.queue = queue;
    }

    @Override
    public void configure() {
        onException(AgentRunException.class).handled(true).process(AgentReplies::failureReply);

        from("jms:queue:" + queue + "?transacted=true&concurrentConsumers=4")
                .routeId(ROUTE_ID)
                .process(JmsBridge::conversationKeys)
                .to("openclaw:agent")
                .process(AgentReplies::exposeRunFacts);
    }

    static void conversationKeys(Exchange exchange) {
        Message message = exchange.getMessage();
        String messageId = message.getHeader("JMSMessageID", String.class);
        String conversation = message.getHeader("JMSXGroupID", String.class);
        if (conversation == null) {
            conversation = message.getHeader("JMSCorrelationID", messageId, String.class);
        }
        message.setHeader(OpenClawConstants.SESSION_KEY, ConversationKeys.sessionKey(CHANNEL, conversation));
        message.setHeader(OpenClawConstants.IDEMPOTENCY_KEY, ConversationKeys.idempotencyKey(CHANNEL, messageId));
    }
}
