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

    /** One waiting request. */
    private record Pending(String method, boolean expectFinal, CompletableFuture<JsonNode> future,
            Consumer<JsonNode> onAccepted) {
    }

    private final ScheduledExecutorService timer;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final String idPrefix = Long.toString(System.nanoTime() & 0xffffff, 36) + ":";

    Requests(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A fresh request id. */
    String nextId() {
        return idPrefix + counter.incrementAndGet();
    }

    /** The future of a new request, failing with a {@link GatewayTimeoutException} after {@code timeout} (if set). */
    CompletableFuture<JsonNode> future(String method, Duration timeout) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        if (timeout != null) {
            ScheduledFuture<?> t = timer.schedule(() -> future.completeExceptionally(new GatewayTimeoutException(
                    "Gateway method " + method + " got no answer within " + timeout.toMillis() + " ms")),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            future.whenComplete((r, e) -> t.cancel(false));
        }
        return future;
    }

    /** Registers the request and writes its frame, unless it is larger than {@code maxPayload}. */
    void send(GatewaySocket socket, long maxPayload, String method, ObjectNode params, boolean expectFinal,
            Consumer<JsonNode> onAccepted, CompletableFuture<JsonNode> future) {
        String id = nextId();
        byte[] utf8 = JsonValues.utf8(Frames.request(id, method, params));
        if (utf8.length > maxPayload) {
            future.completeExceptionally(new PayloadTooLargeException("Request frame for " + method, utf8.length,
                    maxPayload));
            return;
        }
        Pending p = new Pending(method, expectFinal, future, onAccepted);
        pending.put(id, p);
        future.whenComplete((r, e) -> pending.remove(id, p));
        Frames.trace(LOG, "send", id, method, params);
        try {
            socket.sendText(utf8);
        } catch (RuntimeException e) {
            future.completeExceptionally(new GatewayConnectionLostException(1006, "send failed: " + e.getMessage()));
        }
    }

    /** Completes the request a {@code res} frame answers; {@code false} for an id nobody waits for. */
    boolean complete(String id, JsonNode frame) {
        Pending p = id == null ? null : pending.get(id);
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
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(p -> p.future.completeExceptionally(error));
    }
}
