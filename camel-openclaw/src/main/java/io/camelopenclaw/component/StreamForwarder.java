package io.camelopenclaw.component;

import java.util.Locale;

import io.camelopenclaw.client.run.RunChunk;
import io.camelopenclaw.client.run.ToolCall;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each chunk of a run to the {@code streamTo} endpoint as its own exchange: body the text (text and thinking
 * chunks) or the {@link ToolCall} (tool chunks), with the chunk headers. Chunks are
 * handed over as {@link OrderedHandOff} steps, so they arrive in order and before the run's own exchange completes. A
 * chunk the endpoint fails to process is logged; the run goes on.
 */
final class StreamForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(StreamForwarder.class);

    private final Endpoint endpoint;
    private AsyncProducer producer;

    StreamForwarder(CamelContext context, String uri) {
        this.endpoint = context.getEndpoint(uri);
    }

    void start() throws Exception {
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    void stop() {
        ServiceHelper.stopService(producer);
    }

    /** The step that forwards one chunk of a run in {@code sessionKey}. */
    OrderedHandOff.Step step(RunChunk chunk, String sessionKey) {
        return done -> {
            Exchange exchange = endpoint.createExchange();
            Message message = exchange.getMessage();
            message.setBody(chunk.toolCall() != null ? chunk.toolCall() : chunk.text());
            message.setHeader(OpenClawConstants.RUN_ID, chunk.runId());
            message.setHeader(OpenClawConstants.SESSION_KEY, sessionKey);
            message.setHeader(OpenClawConstants.CHUNK_KIND, chunk.kind().name().toLowerCase(Locale.ROOT));
            message.setHeader(OpenClawConstants.CHUNK_INDEX, chunk.index());
            message.setHeader(OpenClawConstants.CHUNK_REPLACE, chunk.replace());
            return producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    LOG.warn(
                            "streamTo {} failed on chunk {} of run {}",
                            endpoint,
                            chunk.index(),
                            chunk.runId(),
                            exchange.getException());
                }
                done.done(doneSync);
            });
        };
    }
}
