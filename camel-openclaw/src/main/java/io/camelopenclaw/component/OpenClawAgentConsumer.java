package io.camelopenclaw.component;

import io.camelopenclaw.client.GatewayEvent;
import org.apache.camel.Processor;

/**
 * Emits one exchange per finished agent run in the matching session(s), including runs started by other clients and
 * channels: the reply text as the body and the same headers and properties as the agent producer's result (the status
 * header tells ok, silent, aborted or error apart; no exception is set).
 */
public class OpenClawAgentConsumer extends OpenClawConsumerSupport {

    private final SessionKeyFilter sessions;
    private final RunObserver observer = new RunObserver(
            result -> deliver(exchange -> RunResultMapper.apply(exchange, result)));

    public OpenClawAgentConsumer(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.sessions = SessionKeyFilter.of(endpoint.getConfiguration().getSessionKey());
    }

    @Override
    protected void onEvent(GatewayEvent event) {
        if ("tick".equals(event.name())) {
            observer.sweep();
        } else if (sessions.matches(event.sessionKey())) {
            observer.onEvent(event);
        }
    }
}
