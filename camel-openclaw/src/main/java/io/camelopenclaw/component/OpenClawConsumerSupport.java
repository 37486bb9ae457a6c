package io.camelopenclaw.component;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.error.GatewayException;
import org.apache.camel.Processor;

/**
 * What both gateway consumers share on top of {@link HandOffConsumer}: the gateway connection, with connection errors
 * reported to the consumer's exception handler.
 */
abstract class OpenClawConsumerSupport extends HandOffConsumer {

    private SharedGatewayConnection connection;
    private Subscription connectionSubscription;
    private Subscription eventSubscription;

    OpenClawConsumerSupport(OpenClawEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireConnection();
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
        if (connection != null) {
            getEndpoint().releaseConnection(connection);
            connection = null;
        }
        super.doStop();
    }

    /** A gateway event, on the client's event thread: filter and {@link #deliver}, never block. */
    protected abstract void onEvent(GatewayEvent event);

    /** The connection was (re)established, on the client's event thread (or the starting thread). */
    protected void onConnected(GatewayClient client, boolean reconnect) {}
}
