package io.camelopenclaw.client.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.api.GatewayInfo;

/** What the run tracker needs from the connection. */
public interface RunTransport {

    /** Sends a request; see {@code GatewayConnection#request}. */
    CompletableFuture<JsonNode> request(
            String method, ObjectNode params, Duration timeout, boolean expectFinal, Consumer<JsonNode> onAccepted);

    /** The latest {@code hello-ok}, or {@code null}. */
    GatewayInfo info();

    /** Completes with the current {@code hello-ok} once the connection is ready; fails after {@code timeout}. */
    CompletableFuture<GatewayInfo> whenReady(Duration timeout);

    /** Runs a task on the client's event thread, in order with frames. */
    void execute(Runnable task);

    /**
     * Runs a task on the client's event thread: at once when called there (ahead of the frames already queued), else
     * as {@link #execute}.
     */
    void runOnEventThread(Runnable task);

    /** Runs a task on the client's event thread after a delay. */
    void schedule(Runnable task, Duration delay);

    /** Reports an error that does not end a run (for example a chunk listener that threw). */
    void reportError(RuntimeException error);
}
