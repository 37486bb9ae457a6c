package io.camelopenclaw.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;

/**
 * Waits until a starting gateway serves clients: until a {@code connect} handshake gets past the gateway's startup.
 * While a gateway starts, it first refuses connections, then answers {@code connect} with a retryable
 * {@code UNAVAILABLE} ("gateway starting; retry shortly") until its sidecars are up; the handshake is retried every
 * 250 ms to 1 s meanwhile. Ready means {@code hello-ok}, or a refusal that needs an operator (wrong credentials, a
 * protocol the gateway does not speak): that gateway is serving too, and the component's connection reports the
 * refusal in its own health check.
 */
final class GatewayReadiness {

    private static final Duration RETRY_INITIAL = Duration.ofMillis(250);
    private static final Duration RETRY_MAX = Duration.ofSeconds(1);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private GatewayReadiness() {}

    /**
     * Starts waiting for the gateway at {@code url}. The future completes once it is ready, fails with a
     * {@link TimeoutException} after {@code timeout}, and stops the waiting when the caller
     * completes it first (for example because the process exited).
     *
     * @param token    the gateway token, or {@code null}
     * @param password the gateway password, or {@code null}
     */
    static CompletableFuture<Void> await(URI url, String token, String password, Duration timeout) {
        GatewayClient client = GatewayClient.create(GatewayClientOptions.builder()
                .url(url.toString())
                .token(token)
                .password(password)
                .displayName("camel-openclaw readiness check")
                .scopes(List.of())
                .requiredScopes(List.of())
                .connectTimeout(HANDSHAKE_TIMEOUT)
                .reconnectInitialDelay(RETRY_INITIAL)
                .reconnectMaxDelay(RETRY_MAX)
                .reconnectJitter(0)
                .tickWatchdog(false)
                .build());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ready.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((done, error) -> client.close());
        client.connect().whenComplete((info, refusal) -> ready.complete(null));
        return ready;
    }
}
