package io.camelopenclaw.benchmark.peer;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;

/**
 * MODE=camel of the events benchmark: {@code from("openclaw:events")} with its defaults (events {@code agent,chat}, one
 * consumer thread, queue of 1000) into a processor that counts; the runs are started with {@code chat.send} through
 * {@code openclaw:rpc} on the same (shared) connection, since the fake gateway sends a run's events only to the
 * connection that started it.
 */
final class CamelEvents implements EventSource {

    private final CamelContext context;
    private final String auth;
    private final Endpoint rpc;
    private final AsyncProducer producer;
    private final EventStreams streams;

    private CamelEvents(CamelGateway.Started started, EventStreams streams) throws Exception {
        this.context = started.context();
        this.auth = started.auth();
        this.streams = streams;
        this.rpc = context.getEndpoint("openclaw:rpc?method=chat.send");
        this.producer = rpc.createAsyncProducer();
        ServiceHelper.startService(producer);
        streams.sendWith(this::send);
    }

    static CamelEvents start(String gatewayUrl, String token, EventStreams streams) throws Exception {
        return new CamelEvents(
                CamelGateway.start(
                        gatewayUrl,
                        token,
                        component -> {},
                        new RouteBuilder() {
                            @Override
                            public void configure() {
                                from("openclaw:events").routeId("events").process(exchange -> {
                                    Message message = exchange.getMessage();
                                    streams.onEvent(
                                            message.getHeader(OpenClawConstants.EVENT, String.class),
                                            message.getHeader(OpenClawConstants.STATE, String.class),
                                            Boolean.TRUE.equals(message.getHeader(OpenClawConstants.GAP)));
                                });
                            }
                        },
                        CamelEvents::probe),
                streams);
    }

    @Override
    public String auth() {
        return auth;
    }

    @Override
    public void close() {
        context.stop();
    }

    private void send(int stream, int run) {
        Exchange exchange = rpc.createExchange();
        exchange.getMessage()
                .setBody(Map.of(
                        "sessionKey",
                        EventStreams.sessionKey(stream),
                        "message",
                        EventStreams.message(stream, run),
                        "idempotencyKey",
                        UUID.randomUUID().toString()));
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                streams.onRunFailed(exchange.getException());
            }
        });
    }

    /** A {@code health} call on the route's connection. */
    private static Future<Object> probe(CamelContext context) {
        return context.createProducerTemplate()
                .asyncRequestBodyAndHeader("openclaw:rpc", null, OpenClawConstants.METHOD, "health");
    }
}
