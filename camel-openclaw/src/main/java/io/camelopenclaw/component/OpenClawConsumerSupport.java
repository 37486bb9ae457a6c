package io.camelopenclaw.component;

import java.util.function.Consumer;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.error.GatewayException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both consumers share: the gateway connection, the bounded hand-off from the client's event thread to the
 * consumer's threads, and connection errors reported to the consumer's {@link ExceptionHandler}
 * (so {@code bridgeErrorHandler} routes them to the error handler).
 */
abstract class OpenClawConsumerSupport extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenClawConsumerSupport.class);

    private final OpenClawEndpoint endpoint;
    private SharedGatewayConnection connection;
    private volatile ConsumerHandOff handOff;
    private Subscription connectionSubscription;
    private Subscription eventSubscription;
    private boolean overflowing;

    OpenClawConsumerSupport(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    public OpenClawEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OpenClawConfiguration config = endpoint.getConfiguration();
        handOff = new ConsumerHandOff(config.getQueueCapacity(), config.getConcurrentConsumers());
        handOff.start(endpoint.getCamelContext().getExecutorServiceManager(), this, "OpenClawConsumer");
        connection = endpoint.acquireConnection();
        GatewayClient client = connection.client();
        eventSubscription = client.addEventListener(this::onEvent);
        connectionSubscription = client.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(GatewayInfo info, boolean reconnect) {
                OpenClawConsumerSupport.this.onConnected(client, reconnect);
            }

            @Override
            public void onError(GatewayException error) {
                reportError(error);
            }
        });
        ConnectionStatus status = client.status();
        if (status.state() == ConnectionState.CONNECTED) {
            onConnected(client, false);
        } else if (status.state() == ConnectionState.NEEDS_OPERATOR_ACTION && status.error() != null) {
            reportError(status.error());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (eventSubscription != null) {
            eventSubscription.close();
            connectionSubscription.close();
            eventSubscription = null;
            connectionSubscription = null;
        }
        if (handOff != null) {
            handOff.stop(endpoint.getCamelContext().getExecutorServiceManager());
            handOff = null;
        }
        if (connection != null) {
            endpoint.releaseConnection(connection);
            connection = null;
        }
        super.doStop();
    }

    /** A gateway event, on the client's event thread: filter and {@link #deliver}, never block. */
    protected abstract void onEvent(GatewayEvent event);

    /** The connection was (re)established, on the client's event thread (or the starting thread). */
    protected void onConnected(GatewayClient client, boolean reconnect) {}

    /**
     * Queues an exchange, filled by {@code filler} and processed on a consumer thread. Returns {@code false} when the
     * queue is full and the exchange was dropped.
     */
    protected boolean deliver(Consumer<Exchange> filler) {
        return deliver(filler, null);
    }

    /**
     * {@link #deliver(Consumer)}, running {@code onFailure} (if not {@code null}) when the exchange is dropped or
     * ends with an exception.
     */
    protected boolean deliver(Consumer<Exchange> filler, Runnable onFailure) {
        ConsumerHandOff queue = handOff;
        boolean accepted = queue != null && queue.offer(() -> process(filler, onFailure));
        if (!accepted && onFailure != null) {
            onFailure.run();
        }
        if (accepted) {
            overflowing = false;
        } else if (!overflowing) {
            overflowing = true;
            LOG.warn(
                    "{}: queue full ({} entries); dropping events until there is room",
                    this,
                    endpoint.getConfiguration().getQueueCapacity());
        }
        return accepted;
    }

    /** Hands an error to the consumer's exception handler, on a consumer thread. */
    protected void reportError(Throwable error) {
        ConsumerHandOff queue = handOff;
        if (queue == null
                || !queue.offer(() -> getExceptionHandler()
                        .handleException("OpenClaw gateway error: " + error.getMessage(), error))) {
            LOG.warn("{}: queue full; gateway error not reported to the exception handler: {}", this, error.toString());
        }
    }

    private void process(Consumer<Exchange> filler, Runnable onFailure) {
        Exchange exchange = createExchange(false);
        try {
            filler.accept(exchange);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                if (onFailure != null) {
                    onFailure.run();
                }
                getExceptionHandler().handleException("Error processing exchange", exchange, exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }
}
