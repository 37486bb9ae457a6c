package io.camelopenclaw.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camelopenclaw.client.api.ConnectionListener;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.testgateway.TestGateway;
import io.camelopenclaw.testgateway.TestGatewayBuilder;

/** Starts test gateways and clients for a test and closes them afterwards. */
final class ClientFixture implements AutoCloseable {

    static final String TOKEN = "test-token-0123";

    private final List<AutoCloseable> resources = new ArrayList<>();
    final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    /** How many requests of this method the gateway received. */
    static long count(TestGateway gw, String method) {
        return gw.receivedRequests().stream()
                .filter(r -> method.equals(r.method()))
                .count();
    }

    TestGateway gateway(Consumer<TestGatewayBuilder> config) {
        TestGatewayBuilder b = TestGateway.builder().token(TOKEN);
        config.accept(b);
        TestGateway gw = b.build().start();
        resources.add(gw);
        return gw;
    }

    TestGateway gateway() {
        return gateway(b -> {});
    }

    GatewayClientOptions.Builder options(TestGateway gw) {
        return GatewayClientOptions.builder()
                .url(gw.url())
                .token(TOKEN)
                .reconnectInitialDelay(Duration.ofMillis(50))
                .reconnectMaxDelay(Duration.ofMillis(500))
                .operatorActionRetryDelay(Duration.ofSeconds(30))
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10));
    }

    GatewayClient client(GatewayClientOptions options) {
        GatewayClient client = GatewayClient.create(options);
        client.addConnectionListener(new ConnectionListener() {
            @Override
            public void onStatus(ConnectionStatus status) {
                statuses.add(status);
            }

            @Override
            public void onError(GatewayException error) {
                errors.add(error);
            }
        });
        resources.add(0, client);
        return client;
    }

    GatewayClient connected(TestGateway gw) throws Exception {
        GatewayClient client = client(options(gw).build());
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }
}
