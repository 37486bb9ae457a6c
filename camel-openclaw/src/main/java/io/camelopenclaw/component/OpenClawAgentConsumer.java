package io.camelopenclaw.component;

import java.time.Duration;

import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.run.RunObserver;
import org.apache.camel.Processor;

/**
 * Emits one exchange per finished agent run in the matching session(s), including runs started by other clients and
 * channels: the reply text as the body and the same headers and properties as the agent producer's result (the status
 * header tells ok, silent, aborted or error apart; no exception is set).
 */
public class OpenClawAgentConsumer extends OpenClawConsumerSupport {

    /** How long an observed run may go without events before it is forgotten unreported. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final RunObserver observer;

    public OpenClawAgentConsumer(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        SessionKeyFilter sessions =
                SessionKeyFilter.of(endpoint.getConfiguration().getSessionKey());
        this.observer = new RunObserver(
                sessions::matches,
                result -> deliver(exchange -> RunResultMapper.apply(exchange, result)),
                FORGET_AFTER);
    }

    @Override
    protected void onEvent(GatewayEvent event) {
        if ("tick".equals(event.name())) {
            observer.sweep();
        } else {
            observer.onEvent(event);
        }
    }
}
