package io.camelopenclaw.component;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Emits one exchange per gateway event that passes the filters: the payload as the body (a Map, or JSON text with
 * {@code payloadFormat=json}) and the event's facts as headers. Events are queued for the consumer's threads (never
 * processed on the socket reader); when the queue is full further events are dropped and the next delivered one
 * carries {@code CamelOpenClawGap=true}, as does the first event after a sequence gap or a reconnect. With
 * {@code catchUp=true} the ends of runs missed while the consumer was away are read from {@code chat.history} on every
 * (re)connect and delivered with {@code CamelOpenClawCatchUp=true}, each run's end once (see {@link RunCatchUp}).
 */
public class OpenClawEventsConsumer extends OpenClawConsumerSupport {

    private final EventFilter filter;
    private final EventSubscriptions subscriptions;
    private final PayloadFormat payloadFormat;
    private final IdempotentRepository deliveredRuns;
    private final RunCatchUp catchUp;
    private boolean gapPending;

    public OpenClawEventsConsumer(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        OpenClawConfiguration config = endpoint.getConfiguration();
        this.filter = new EventFilter(config);
        this.subscriptions = new EventSubscriptions(filter, config.getSessionKey());
        this.payloadFormat = config.getPayloadFormat();
        this.deliveredRuns = endpoint.deliveredRuns();
        this.catchUp = endpoint.isCatchUp()
                ? new RunCatchUp(filter, config.getSessionKey(), endpoint.getCatchUpLimit(), deliveredRuns)
                : null;
    }

    /** Starts the repository (a file repository loads its file); it is kept across route restarts, never stopped. */
    @Override
    protected void doStart() throws Exception {
        if (catchUp != null) {
            ServiceHelper.startService(deliveredRuns);
        }
        super.doStart();
    }

    @Override
    protected void onConnected(GatewayClient client, boolean reconnect) {
        subscriptions.renew(client, this::reportError);
        if (catchUp != null) {
            catchUp.run(client, this::deliverCaughtUp, this::reportError);
        }
    }

    private void deliverCaughtUp(GatewayEvent event) {
        deliver(exchange -> fill(exchange, event, false, true), releaseOnFailure(event));
    }

    @Override
    protected void onEvent(GatewayEvent event) {
        gapPending |= event.gap();
        if (!filter.accepts(event)) {
            return;
        }
        if (catchUp != null && !catchUp.claim(event)) {
            return; // this run's end was delivered already (caught up, or by another node sharing the repository)
        }
        boolean gap = gapPending;
        gapPending = !deliver(exchange -> fill(exchange, event, gap, false), releaseOnFailure(event));
    }

    private Runnable releaseOnFailure(GatewayEvent event) {
        return catchUp == null ? null : () -> catchUp.release(event);
    }

    private void fill(Exchange exchange, GatewayEvent event, boolean gap, boolean caughtUp) {
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
        if (caughtUp) {
            message.setHeader(OpenClawConstants.CATCH_UP, true);
        }
    }
}
