package io.camelopenclaw.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelopenclaw.client.GatewayClient;

/**
 * The gateway subscriptions some events need, made on every (re)connect because a new connection starts without them:
 * {@code sessions.changed} needs {@code sessions.subscribe}; {@code session.message} and {@code session.tool} need
 * {@code sessions.messages.subscribe} for one exact session key. {@code agent} and {@code chat} events need none.
 */
final class EventSubscriptions {

    private record Call(String method, Map<String, Object> params) {}

    private final List<Call> calls = new ArrayList<>();

    EventSubscriptions(EventFilter filter, String sessionKey) {
        if (filter.events().contains("sessions.changed")) {
            calls.add(new Call("sessions.subscribe", Map.of()));
        }
        if (filter.events().contains("session.message") || filter.events().contains("session.tool")) {
            if (!filter.sessions().isExact()) {
                throw new IllegalArgumentException("session.message and session.tool events need an exact sessionKey"
                        + " (no wildcard), got " + sessionKey);
            }
            calls.add(new Call("sessions.messages.subscribe", Map.of("key", sessionKey)));
        }
    }

    /** Makes the subscriptions; failures go to {@code onError}. */
    void renew(GatewayClient client, Consumer<Throwable> onError) {
        for (Call call : calls) {
            CompletableFuture<?> reply = client.request(call.method(), call.params());
            reply.whenComplete((r, error) -> {
                if (error != null) {
                    onError.accept(GatewayReplies.unwrap(error));
                }
            });
        }
    }
}
