package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;

/**
 * MODE=client: the bare {@link GatewayClient} with its defaults (token, no device identity: the client's builder has
 * none unless given a store), one run per {@link GatewayClient#startRun}.
 */
final class ClientPeer implements PeerClient {

    /** How the bare client authenticates with its defaults. */
    static final String AUTH = "token (GatewayClient default: no device identity)";

    private static final long CONNECT_SECONDS = 30;

    private final GatewayClient client;

    private ClientPeer(GatewayClient client) {
        this.client = client;
    }

    /** Connects; the harness's main thread waits for the handshake. */
    static ClientPeer connect(String gatewayUrl, String token) throws Exception {
        GatewayClient client = create(gatewayUrl, token);
        awaitHandshake(client);
        return new ClientPeer(client);
    }

    /** A client with the builder's defaults but URL and token. */
    static GatewayClient create(String gatewayUrl, String token) {
        return GatewayClient.create(
                GatewayClientOptions.builder().url(gatewayUrl).token(token).build());
    }

    /** Connects the client and waits for its handshake; closes it when that fails. */
    static void awaitHandshake(GatewayClient client) throws Exception {
        try {
            client.connect().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String auth() {
        return AUTH;
    }

    @Override
    public CompletableFuture<String> start(int session, int run) {
        return client.startRun(AgentRunRequest.builder(PeerWorkload.message(session, run))
                        .sessionKey(PeerWorkload.sessionKey(session))
                        .build())
                .result()
                .thenApply(AgentRunResult::text);
    }

    @Override
    public void close() {
        client.close();
    }
}
