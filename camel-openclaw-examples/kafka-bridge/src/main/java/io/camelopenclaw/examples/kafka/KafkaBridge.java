package io.camelopenclaw.examples.kafka;

import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConversationKeys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The bridge: every record on the requests topic becomes an agent run whose reply goes to the replies topic with
 * the same record key, and the gateway's chat events of these sessions (final, error, aborted) go to the audit topic
 * as JSON, keyed by session.
 * <ul>
 * <li>Session: the record key (a conversation), else the record's own coordinates. Records of one key share a
 * partition, so a conversation is read in order.</li>
 * <li>Idempotency key: topic-partition-offset, so a record read again (a rebalance or restart before the offset was
 * committed) joins the run it already started instead of paying for a second one.</li>
 * <li>A run that fails, times out or is aborted is answered too, with a text saying so and the
 * {@link AgentReplies} record headers ({@code OpenClawStatus}, ...).</li>
 * </ul>
 */
public class KafkaBridge extends RouteBuilder {

    public static final String CHANNEL = "kafka";

    private final String requests;
    private final String replies;
    private final String audit;

    public KafkaBridge(String requests, String replies, String audit) {
        this.requests = requests;
        this.replies = replies;
        this.audit = audit;
    }

    @Override
    public void configure() {
        onException(AgentRunException.class)
                .handled(true)
                .process(AgentReplies::failureReply)
                .to("kafka:" + replies);

        from("kafka:" + requests + "?groupId=openclaw-bridge&autoOffsetReset=earliest")
                .routeId("kafka-bridge")
                .process(KafkaBridge::conversationKeys)
                .to("openclaw:agent")
                .process(AgentReplies::exposeRunFacts)
                .to("kafka:" + replies);

        from("openclaw:events?events=chat&states=final,error,aborted&payloadFormat=json&sessionKey=agent:main:"
                        + CHANNEL + ":*")
                .routeId("kafka-audit")
                .setHeader(KafkaConstants.KEY, header(OpenClawConstants.SESSION_KEY))
                .to("kafka:" + audit);
    }

    static void conversationKeys(Exchange exchange) {
        Message message = exchange.getMessage();
        String record = message.getHeader(KafkaConstants.TOPIC) + "-" + message.getHeader(KafkaConstants.PARTITION)
                + "-" + message.getHeader(KafkaConstants.OFFSET);
        String key = message.getHeader(KafkaConstants.KEY, String.class);
        message.setHeader(
                OpenClawConstants.SESSION_KEY, ConversationKeys.sessionKey(CHANNEL, key != null ? key : record));
        message.setHeader(OpenClawConstants.IDEMPOTENCY_KEY, ConversationKeys.idempotencyKey(CHANNEL, record));
    }
}
