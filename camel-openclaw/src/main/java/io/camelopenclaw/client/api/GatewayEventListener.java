package io.camelopenclaw.client.api;

/**
 * Receives every gateway event in arrival order on the client's event thread. Must not block: hand work to another
 * thread (the Camel consumer does).
 */
@FunctionalInterface
public interface GatewayEventListener {

    void onEvent(GatewayEvent event);
}
