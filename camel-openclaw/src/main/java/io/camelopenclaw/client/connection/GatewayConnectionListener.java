package io.camelopenclaw.client.connection;

import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.json.LazyJsonObject;

/** What the connection reports upwards; called on the dispatcher thread unless noted. */
public interface GatewayConnectionListener {
    /** Called on the socket reader thread: must be fast. Events of runs this client tracks are never dropped. */
    boolean isEssential(String eventName, LazyJsonObject payload);

    /** Whether events are wanted with their payloads as whole trees (someone reads every event); any thread. */
    boolean wantsPayloadTrees();

    void onEvent(GatewayEvent event);

    void onConnected(GatewayInfo info, boolean reconnect);

    void onDisconnected();

    void onStatus(ConnectionStatus status);

    void onError(GatewayException error);
}
