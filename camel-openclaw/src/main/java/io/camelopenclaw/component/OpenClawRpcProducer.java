package io.camelopenclaw.component;

import java.io.InputStream;
import java.io.Reader;

import io.camelopenclaw.client.error.GatewayException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls any gateway method: the method from {@code CamelOpenClawMethod} or the {@code method} option, the params from
 * the body (a Map, JSON text, a POJO, or nothing), the answer's payload as the body (see {@code payloadFormat}).
 * Gateway errors fail the exchange with typed {@link GatewayException}s carrying the
 * gateway's code and details.
 */
public class OpenClawRpcProducer extends DefaultAsyncProducer {

    private final OpenClawEndpoint endpoint;
    private final PayloadFormat payloadFormat;
    private SharedGatewayConnection connection;

    public OpenClawRpcProducer(OpenClawEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.payloadFormat = endpoint.getConfiguration().getPayloadFormat();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = endpoint.acquireConnection();
    }

    @Override
    protected void doStop() throws Exception {
        if (connection != null) {
            endpoint.releaseConnection(connection);
            connection = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String method;
        Object params;
        try {
            Message message = exchange.getMessage();
            method = message.getHeader(
                    OpenClawConstants.METHOD, endpoint.getConfiguration().getMethod(), String.class);
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException(
                        "No gateway method: set the method option or the " + OpenClawConstants.METHOD + " header");
            }
            params = params(message);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        GatewayReplies.completeWhenDone(
                connection.client().request(method, params),
                endpoint.getComponent().workerPool(),
                exchange,
                callback,
                payload -> exchange.getMessage().setBody(payloadFormat.toBody(payload)));
        return false;
    }

    /** The body as params: streams and bytes are read as JSON text; Maps, JSON text and POJOs go as they are. */
    private static Object params(Message message) {
        Object body = message.getBody();
        if (body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof StreamCache) {
            return message.getBody(String.class);
        }
        return body;
    }
}
