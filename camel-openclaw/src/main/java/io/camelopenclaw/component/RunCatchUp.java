package io.camelopenclaw.component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.run.FinishedRun;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The events consumer's {@code catchUp}: on every (re)connect it reads {@code chat.history} of the sessions it watches
 * (its exact {@code sessionKey}, else the sessions of {@code sessions.list} that match) and emits the ends of runs it
 * has not delivered yet. Live run ends ({@code chat} events in state {@code final}, {@code aborted} or {@code error})
 * claim the same key in the {@link IdempotentRepository}, the run id, so each run's end is delivered once.
 */
final class RunCatchUp {

    private static final Set<String> RUN_ENDS = Set.of("final", "aborted", "error");

    private final EventFilter filter;
    private final String sessionKey;
    private final int limit;
    private final IdempotentRepository delivered;

    RunCatchUp(EventFilter filter, String sessionKey, int limit, IdempotentRepository delivered) {
        this.filter = filter;
        this.sessionKey = sessionKey;
        this.limit = limit;
        this.delivered = delivered;
    }

    /**
     * Whether an event that passed the filters may be delivered: any event that is not a run's end, and a run's end
     * whose run id was not delivered yet (which it claims).
     */
    boolean claim(GatewayEvent event) {
        if (!"chat".equals(event.name()) || !RUN_ENDS.contains(event.state()) || event.runId() == null) {
            return true;
        }
        return delivered.add(event.runId());
    }

    /** Gives a claimed run back (its exchange was dropped or failed), so that the next catch-up delivers it. */
    void release(GatewayEvent event) {
        if (event.runId() != null) {
            delivered.remove(event.runId());
        }
    }

    /**
     * Reads the sessions' history and hands every run end that passes the filters and was not delivered yet to
     * {@code emit}, claimed, on the client's event thread; failures go to {@code onError}.
     */
    void run(GatewayClient client, Consumer<GatewayEvent> emit, Consumer<Throwable> onError) {
        CompletableFuture<List<String>> sessions = filter.sessions().isExact()
                ? CompletableFuture.completedFuture(List.of(sessionKey))
                : client.sessionKeys()
                        .thenApply(keys ->
                                keys.stream().filter(filter.sessions()::matches).toList());
        sessions.whenComplete((keys, error) -> {
            if (error != null) {
                onError.accept(GatewayReplies.unwrap(error));
                return;
            }
            keys.forEach(key -> client.finishedRuns(key, limit).whenComplete((runs, failure) -> {
                if (failure != null) {
                    onError.accept(GatewayReplies.unwrap(failure));
                } else {
                    emitUndelivered(runs, emit);
                }
            }));
        });
    }

    private void emitUndelivered(List<FinishedRun> runs, Consumer<GatewayEvent> emit) {
        long now = System.currentTimeMillis();
        for (FinishedRun run : runs) {
            GatewayEvent event = run.asChatEvent(now);
            if (filter.accepts(event) && delivered.add(run.runId())) {
                emit.accept(event);
            }
        }
    }
}
