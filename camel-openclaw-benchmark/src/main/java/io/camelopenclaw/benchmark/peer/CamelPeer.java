package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.CompletableFuture;

import io.camelopenclaw.component.OpenClawConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceHelper;

/**
 * MODE=camel: {@code from("direct:run").to("openclaw:agent")} with the component's defaults (see
 * {@link CamelGateway}) and Camel's default error handler, driven through the {@link AsyncProducer} of
 * {@code direct:run}: the body the message, the session key in {@code CamelOpenClawSessionKey}, the reply the body.
 */
final class CamelPeer implements PeerClient {

    private static final String PROBE_MESSAGE = "hello from bench probe";

    private final CamelContext context;
    private final String auth;
    private final Endpoint direct;
    private final AsyncProducer producer;

    private CamelPeer(CamelGateway.Started started) throws Exception {
        this.context = started.context();
        this.auth = started.auth();
        this.direct = context.getEndpoint("direct:run");
        this.producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    /** Starts the route, checked with one run outside the workload; {@code workerPoolSize} null: the default. */
    static CamelPeer start(String gatewayUrl, String token, Integer workerPoolSize) throws Exception {
        return new CamelPeer(CamelGateway.start(
                gatewayUrl,
                token,
                component -> {
                    if (workerPoolSize != null) {
                        component.setWorkerPoolSize(workerPoolSize);
                    }
                },
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:run").routeId("run").to("openclaw:agent");
                    }
                },
                CamelPeer::probe));
    }

    @Override
    public String auth() {
        return auth;
    }

    @Override
    public CompletableFuture<String> start(int session, int run) {
        return send(direct, producer, PeerWorkload.sessionKey(session), PeerWorkload.message(session, run));
    }

    @Override
    public void close() {
        context.stop();
    }

    private static CompletableFuture<String> send(
            Endpoint direct, AsyncProducer producer, String sessionKey, String message) {
        Exchange exchange = direct.createExchange();
        exchange.getMessage().setBody(message);
        exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, sessionKey);
        CompletableFuture<String> reply = new CompletableFuture<>();
        producer.process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                reply.completeExceptionally(exchange.getException());
            } else {
                reply.complete(exchange.getMessage().getBody(String.class));
            }
        });
        return reply;
    }

    /** One run through the route, outside the workload; fails unless the gateway echoes it. */
    private static CompletableFuture<String> probe(CamelContext context) throws Exception {
        Endpoint direct = context.getEndpoint("direct:run");
        AsyncProducer producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        return send(direct, producer, "agent:main:bench-probe", PROBE_MESSAGE)
                .thenApply(reply -> {
                    if (!("ECHO: " + PROBE_MESSAGE).equals(reply)) {
                        throw new IllegalStateException("the probe run answered '" + reply + "'");
                    }
                    return reply;
                })
                .whenComplete((reply, error) -> ServiceHelper.stopService(producer));
    }
}
