package io.camelopenclaw.examples.springboot;

import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.examples.support.AgentReplies;
import io.camelopenclaw.examples.support.ConversationKeys;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The routes: {@value #ASK} runs the agent in the session of the exchange's {@value #CONVERSATION} header (a run
 * that fails, times out or is aborted answers with a text saying so and its {@link AgentReplies} status), and the
 * events route logs the chat events (final, error, aborted) of these sessions. The URIs carry no options: everything
 * comes from {@code camel.component.openclaw.*} in {@code application.properties}.
 */
@Component
public class AgentRoutes extends RouteBuilder {

    public static final String ASK = "direct:ask";
    public static final String CHANNEL = "web";
    /** The conversation, e.g. a ticket or chat id; absent, one shared {@value #DEFAULT_CONVERSATION} session. */
    public static final String CONVERSATION = "X-Conversation-Id";
    /** A caller's retry of the same request carries the same key and joins the same run. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    static final String DEFAULT_CONVERSATION = "default";

    @Override
    public void configure() {
        onException(AgentRunException.class).handled(true).process(AgentReplies::failureReply);

        from(ASK)
                .routeId("ask-agent")
                .process(AgentRoutes::conversationKeys)
                .to("openclaw:agent")
                .process(AgentReplies::exposeRunFacts);

        from("openclaw:events?events=chat&states=final,error,aborted&sessionKey=agent:main:" + CHANNEL + ":*")
                .routeId("audit-events")
                .to("log:openclaw.audit?showHeaders=false&showBodyType=false");
    }

    static void conversationKeys(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(
                OpenClawConstants.SESSION_KEY,
                ConversationKeys.sessionKey(
                        CHANNEL, message.getHeader(CONVERSATION, DEFAULT_CONVERSATION, String.class)));
        String idempotencyKey = message.getHeader(IDEMPOTENCY_KEY, String.class);
        if (idempotencyKey != null) {
            message.setHeader(
                    OpenClawConstants.IDEMPOTENCY_KEY, ConversationKeys.idempotencyKey(CHANNEL, idempotencyKey));
        }
    }
}
