package io.camelopenclaw.component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;

/**
 * Chooses the idempotency key (= run id) of one agent producer's runs. The {@code CamelOpenClawIdempotencyKey} header
 * wins, unless it holds the key of a run this exchange already completed (the producer's own output header, carried
 * into a further call). Otherwise the key is derived from the exchange id and kept on the exchange until the run
 * succeeds, so Camel's redeliveries of the same exchange reuse it and the gateway joins the same run instead of
 * starting a second one.
 */
final class IdempotencyKeys {

    private static final AtomicInteger PRODUCERS = new AtomicInteger();

    /** Per exchange: the pending key of each producer and the keys of the runs that completed. */
    private static final class State {
        final String exchangeId;
        final Map<String, String> pending = new HashMap<>();
        final Set<String> completed = new HashSet<>();
        int derived;

        State(String exchangeId) {
            this.exchangeId = exchangeId;
        }
    }

    private final String producerId = "p" + PRODUCERS.incrementAndGet();

    /** The key for this exchange's next run of this producer. */
    String keyFor(Exchange exchange) {
        State state = state(exchange);
        String header = exchange.getMessage().getHeader(OpenClawConstants.IDEMPOTENCY_KEY, String.class);
        if (header != null && !header.isBlank() && !state.completed.contains(header)) {
            return header;
        }
        return state.pending.computeIfAbsent(producerId, p -> state.exchangeId + "-" + p + "-" + state.derived++);
    }

    /** The run of this key succeeded: the next run of this producer on this exchange gets a fresh key. */
    void completed(Exchange exchange, String key) {
        State state = state(exchange);
        state.pending.remove(producerId, key);
        state.completed.add(key);
    }

    /** The exchange's state; a copy of an exchange (split, multicast) does not inherit its parent's keys. */
    private static State state(Exchange exchange) {
        State state = exchange.getProperty(OpenClawConstants.RUN_KEYS_PROPERTY, State.class);
        if (state == null || !state.exchangeId.equals(exchange.getExchangeId())) {
            state = new State(exchange.getExchangeId());
            exchange.setProperty(OpenClawConstants.RUN_KEYS_PROPERTY, state);
        }
        return state;
    }
}
