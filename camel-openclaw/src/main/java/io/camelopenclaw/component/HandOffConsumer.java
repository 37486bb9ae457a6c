package io.camelopenclaw.component;

import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every openclaw consumer shares: the bounded hand-off from a client's event thread to the consumer's own threads
 * (never processing on the socket or event thread), and errors reported to the consumer's {@link ExceptionHandler}
 * (so {@code bridgeErrorHandler} routes them to the error handler).
 */
abstract class HandOffConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffConsumer.class);

    private final OpenClawEndpoint endpoint;
    private volatile ConsumerHandOff handOff;
    private boolean overflowing;

    HandOffConsumer(OpenClawEndpoint endpoint, Processor processor) {
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
    }

    @Override
    protected void doStop() throws Exception {
        if (handOff != null) {
            handOff.stop(endpoint.getCamelContext().getExecutorServiceManager());
            handOff = null;
        }
        super.doStop();
    }

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
