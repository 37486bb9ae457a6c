package io.camelopenclaw.benchmark.peer;

import java.util.Map;
import java.util.UUID;

import io.camelopenclaw.client.GatewayClient;

/**
 * MODE=client of the events benchmark: a listener on the bare {@link GatewayClient} (defaults: token, no device
 * identity) that counts; the runs are started with {@code chat.send} requests on the same client.
 */
final class ClientEvents implements EventSource {

    private final GatewayClient client;
    private final EventStreams streams;

    private ClientEvents(GatewayClient client, EventStreams streams) {
        this.client = client;
        this.streams = streams;
        client.addEventListener(event -> streams.onEvent(event.name(), event.state(), event.gap()));
        streams.sendWith(this::send);
    }

    /** Connects; the harness's main thread waits for the handshake. */
    static ClientEvents connect(String gatewayUrl, String token, EventStreams streams) throws Exception {
        ClientEvents events = new ClientEvents(ClientPeer.create(gatewayUrl, token), streams);
        ClientPeer.awaitHandshake(events.client);
        return events;
    }

    @Override
    public String auth() {
        return ClientPeer.AUTH;
    }

    @Override
    public void close() {
        client.close();
    }

    private void send(int stream, int run) {
        client.request(
                        "chat.send",
                        Map.of(
                                "sessionKey",
                                EventStreams.sessionKey(stream),
                                "message",
                                EventStreams.message(stream, run),
                                "idempotencyKey",
                                UUID.randomUUID().toString()))
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        streams.onRunFailed(error);
                    }
                });
    }
}
