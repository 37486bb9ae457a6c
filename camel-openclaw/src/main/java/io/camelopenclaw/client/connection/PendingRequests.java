package io.camelopenclaw.client.connection;

import io.camelopenclaw.client.json.JsonValues;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelopenclaw.client.error.GatewayError;
import io.camelopenclaw.client.error.GatewayException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;

/**
 * Requests sent on one connection and waiting for their {@code res}, correlated by id in any order. For two-phase
 * methods ({@code expectFinal}) an {@code accepted} answer is passed to the request's listener and the request keeps
 * waiting for the final answer.
 */
public final class PendingRequests {

    /** One waiting request. */
    public static final class Pending {
        final String method;
        final boolean expectFinal;
        final CompletableFuture<JsonNode> future;
        final java.util.function.Consumer<JsonNode> onAccepted;
        volatile ScheduledFuture<?> timeout;

        Pending(String method, boolean expectFinal, CompletableFuture<JsonNode> future,
                java.util.function.Consumer<JsonNode> onAccepted) {
            this.method = method;
            this.expectFinal = expectFinal;
            this.future = future;
            this.onAccepted = onAccepted;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Registers a request before its frame is written. */
    public Pending register(String id, String method, boolean expectFinal, CompletableFuture<JsonNode> future,
            java.util.function.Consumer<JsonNode> onAccepted) {
        Pending p = new Pending(method, expectFinal, future, onAccepted);
        pending.put(id, p);
        future.whenComplete((r, e) -> {
            pending.remove(id, p);
            ScheduledFuture<?> t = p.timeout;
            if (t != null) {
                t.cancel(false);
            }
        });
        return p;
    }

    /**
     * Completes the request a {@code res} answers. {@code errorMapper} turns an {@code ok:false} error into the
     * exception to fail with. Returns {@code false} for an id nobody waits for.
     */
    public boolean complete(String id, boolean ok, JsonNode payload, GatewayError error,
            BiFunction<String, GatewayError, GatewayException> errorMapper) {
        Pending p = pending.get(id);
        if (p == null) {
            return false;
        }
        if (!ok) {
            p.future.completeExceptionally(errorMapper.apply(p.method, error));
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
    public void failAll(GatewayException error) {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        all.forEach(p -> p.future.completeExceptionally(error));
    }
}
