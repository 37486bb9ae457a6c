package io.camelopenclaw.component;

import io.camelopenclaw.client.channel.ChannelClient;
import io.camelopenclaw.client.channel.ChannelMessage;
import io.camelopenclaw.client.channel.ChannelReply;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends the body as a message through the openclaw-websocket channel plugin and sets the agent's aggregated reply as
 * the body, with the message id and the reply's chunks as headers. Sender, chat type, group, the quoted message, media
 * and custom data come from the {@code CamelOpenClawChannel*} headers. Holds no thread while waiting: the exchange
 * completes on the component's worker pool.
 */
public class OpenClawChannelProducer extends DefaultAsyncProducer {

    private final OpenClawEndpoint endpoint;
    private ChannelClient client;

    public OpenClawChannelProducer(OpenClawEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.acquireChannel().start();
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            endpoint.releaseChannel();
            client = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ChannelMessage message;
        try {
            message = ChannelMessageReader.read(exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        GatewayReplies.completeWhenDone(
                client.send(message),
                endpoint.getComponent().workerPool(),
                exchange,
                callback,
                reply -> setReply(exchange.getMessage(), reply));
        return false;
    }

    private static void setReply(Message out, ChannelReply reply) {
        out.setBody(reply.text());
        out.setHeader(OpenClawConstants.CHANNEL_MESSAGE_ID, reply.messageId());
        out.setHeader(OpenClawConstants.CHANNEL_CHUNK_COUNT, reply.chunks().size());
        out.setHeader(OpenClawConstants.CHANNEL_CHUNKS, reply.chunks());
        out.setHeader(OpenClawConstants.CHANNEL_STREAM_COUNT, reply.streamFrames());
    }
}
