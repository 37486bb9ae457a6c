package io.camelopenclaw.client.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;
import io.camelopenclaw.client.error.GatewayTimeoutException;
import io.camelopenclaw.client.error.PayloadTooLargeException;
import io.camelopenclaw.client.json.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one connection: ids, timeouts, the size limit, and the answers correlated by id in any order. For
 * two-phase methods ({@code expectFinal}) an {@code accepted} answer goes to the request's listener and the request
 * keeps waiting for the final answer. A request is registered before its frame is written.
 */
final class Requests {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);

    /** One request, from its creation (possibly before a connection) to its answer. */
    static final class Call {
        private final String method;
        private final ObjectNode params;
        private final boolean expectFinal;
        private final Consumer<JsonNode> onAccepted;
        private final CompletableFuture<JsonNode> future = new CompletableFuture<>();
        private volatile boolean sent;

        private Call(String method, ObjectNode params, boolean expectFinal, Consumer<JsonNode> onAccepted) {
            this.method = method;
            this.params = params;
            this.expectFinal = expectFinal;
            this.onAccepted = onAccepted;
        }

        CompletableFuture<JsonNode> future() {
            return future;
        }
    }

    private final ScheduledExecutorService timer;
    private final Function<Duration, String> notConnected;
    private final Map<String, Call> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final String idPrefix = Long.toString(System.nanoTime() & 0xffffff, 36) + ":";

    /**
     * @param notConnected the message for a request that timed out before it had a connection to be written to
     */
    Requests(ScheduledExecutorService timer, Function<Duration, String> notConnected) {
        this.timer = timer;
        this.notConnected = notConnected;
    }

    /** A fresh request id. */
    String nextId() {
        return idPrefix + counter.incrementAndGet();
    }

    /**
     * A new request, not yet written. After {@code timeout} (if set) it fails with a {@link GatewayTimeoutException}
     * that tells whether the gateway did not answer or the request never got a connection.
     */
    Call call(String method, ObjectNode params, Duration timeout, boolean expectFinal, Consumer<JsonNode> onAccepted) {
        Call call = new Call(method, params, expectFinal, onAccepted);
        if (timeout != null) {
            ScheduledFuture<?> t = timer.schedule(
                    () -> call.future.completeExceptionally(timedOut(call, timeout)),
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            call.future.whenComplete((r, e) -> t.cancel(false));
        }
        return call;
    }

    private GatewayTimeoutException timedOut(Call call, Duration timeout) {
        return new GatewayTimeoutException(
                call.sent
                        ? "Gateway method " + call.method + " got no answer within " + timeout.toMillis() + " ms"
                        : notConnected.apply(timeout) + "; " + call.method + " not sent");
    }

    /** Registers the request and writes its frame, unless it is larger than {@code maxPayload}. */
    void send(GatewaySocket socket, long maxPayload, Call call) {
        String id = nextId();
        byte[] utf8 = JsonValues.utf8(Frames.request(id, call.method, call.params));
        if (utf8.length > maxPayload) {
            call.future.completeExceptionally(
                    new PayloadTooLargeException("Request frame for " + call.method, utf8.length, maxPayload));
            return;
        }
        pending.put(id, call);
        call.future.whenComplete((r, e) -> pending.remove(id, call));
        Frames.trace(LOG, "send", id, call.method, call.params);
        call.sent = true;
        try {
            socket.sendText(utf8);
        } catch (RuntimeException e) {
            call.future.completeExceptionally(
                    new GatewayConnectionLostException(1006, "send failed: " + e.getMessage()));
        }
    }

    /** Completes the request a {@code res} frame answers; {@code false} for an id nobody waits for. */
    boolean complete(String id, JsonNode frame) {
        Call p = id == null ? null : pending.get(id);
        if (p == null) {
            return false;
        }
        JsonNode payload = frame.get("payload");
        if (!Boolean.TRUE.equals(JsonValues.bool(frame, "ok"))) {
            p.future.completeExceptionally(GatewayErrors.forMethod(p.method, GatewayErrors.parse(frame.get("error"))));
        } else if (p.expectFinal && payload != null && "accepted".equals(JsonValues.text(payload, "status"))) {
            if (p.onAccepted != null) {
                p.onAccepted.accept(payload);
            }
        } else {
            p.future.complete(payload);
        }
        return true;
    }

    /** Fails every waiting request (the socket closed). */
    void failAll(GatewayException error) {
        List<Call> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(p -> p.future.completeExceptionally(error));
    }
}
