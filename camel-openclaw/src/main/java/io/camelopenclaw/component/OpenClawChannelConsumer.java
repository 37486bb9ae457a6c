package io.camelopenclaw.component;

import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.channel.ChannelClient;
import io.camelopenclaw.client.channel.ChannelFrame;
import io.camelopenclaw.client.channel.ChannelListener;
import io.camelopenclaw.client.error.GatewayException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Emits the messages the agent sends through the openclaw-websocket channel without being asked: every
 * {@code chat.response} that answers no message in flight (the plugin's broadcasts, late chunks of this endpoint's
 * messages, and with {@code deliverGreeting} the greeting), the text as the body. Uncorrelated {@code chat.error}s,
 * malformed frames, lost connections and a refused token go to the exception handler. Exchanges are processed on the
 * consumer's threads, never on the socket or the client's event thread.
 */
public class OpenClawChannelConsumer extends HandOffConsumer {

    private final boolean deliverGreeting;
    private Subscription subscription;

    public OpenClawChannelConsumer(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.deliverGreeting = endpoint.getConfiguration().isDeliverGreeting();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ChannelClient client = getEndpoint().acquireChannel();
        subscription = client.addListener(new ChannelListener() {
            @Override
            public void onGreeting(ChannelFrame greeting) {
                if (deliverGreeting) {
                    deliver(greeting, true, false);
                }
            }

            @Override
            public void onFrame(ChannelFrame frame, boolean late) {
                if (ChannelFrame.RESPONSE.equals(frame.type())) {
                    deliver(frame, false, late);
                }
            }

            @Override
            public void onError(GatewayException error) {
                reportError(error);
            }
        });
        client.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
            getEndpoint().releaseChannel();
        }
        super.doStop();
    }

    private void deliver(ChannelFrame frame, boolean greeting, boolean late) {
        deliver(exchange -> {
            Message message = exchange.getMessage();
            message.setBody(frame.content());
            RunResultMapper.setIfPresent(message, OpenClawConstants.CHANNEL_MESSAGE_ID, frame.messageId());
            message.setHeader(OpenClawConstants.CHANNEL_GREETING, greeting);
            message.setHeader(OpenClawConstants.CHANNEL_LATE, late);
        });
    }
}
