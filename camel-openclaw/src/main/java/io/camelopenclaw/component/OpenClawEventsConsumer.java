package io.camelopenclaw.component;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Emits one exchange per gateway event that passes the filters: the payload as the body (a Map, or JSON text with
 * {@code payloadFormat=json}) and the event's facts as headers. Events are queued for the consumer's threads (never
 * processed on the socket reader); when the queue is full further events are dropped and the next delivered one
 * carries {@code CamelOpenClawGap=true}, as does the first event after a sequence gap or a reconnect.
 */
public class OpenClawEventsConsumer extends OpenClawConsumerSupport {

    private final EventFilter filter;
    private final EventSubscriptions subscriptions;
    private final PayloadFormat payloadFormat;
    private boolean gapPending;

    public OpenClawEventsConsumer(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        OpenClawConfiguration config = endpoint.getConfiguration();
        this.filter = new EventFilter(config);
        this.subscriptions = new EventSubscriptions(filter, config.getSessionKey());
        this.payloadFormat = config.getPayloadFormat();
    }

    @Override
    protected void onConnected(GatewayClient client, boolean reconnect) {
        subscriptions.renew(client, this::reportError);
    }

    @Override
    protected void onEvent(GatewayEvent event) {
        gapPending |= event.gap();
        if (!filter.accepts(event)) {
            return;
        }
        boolean gap = gapPending;
        gapPending = !deliver(exchange -> fill(exchange, event, gap));
    }

    private void fill(Exchange exchange, GatewayEvent event, boolean gap) {
        Message message = exchange.getMessage();
        message.setBody(payloadFormat.toBody(event.payload()));
        message.setHeader(OpenClawConstants.EVENT, event.name());
        message.setHeader(OpenClawConstants.GAP, gap);
        RunResultMapper.setIfPresent(message, OpenClawConstants.CONNECTION_SEQ, event.connectionSeq());
        RunResultMapper.setIfPresent(message, OpenClawConstants.RUN_ID, event.runId());
        RunResultMapper.setIfPresent(message, OpenClawConstants.SESSION_KEY, event.sessionKey());
        RunResultMapper.setIfPresent(message, OpenClawConstants.AGENT_ID, event.agentId());
        RunResultMapper.setIfPresent(message, OpenClawConstants.STREAM, event.stream());
        RunResultMapper.setIfPresent(message, OpenClawConstants.STATE, event.state());
    }
}
