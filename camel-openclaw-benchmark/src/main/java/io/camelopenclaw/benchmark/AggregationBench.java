package io.camelopenclaw.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelopenclaw.client.GatewayClient;
import io.camelopenclaw.client.api.GatewayClientOptions;
import io.camelopenclaw.client.api.GatewayEvent;
import io.camelopenclaw.client.api.Subscription;
import io.camelopenclaw.client.json.JsonScanner;
import io.camelopenclaw.client.json.LazyJsonObject;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunObserver;

/**
 * The client's aggregation alone, without sockets and threads: the events of one real {@code CHUNKS:n} run of the
 * test gateway are recorded once, then replayed into a {@link RunObserver} (the same event applier as the client's
 * own runs) on this thread, from parsed payloads (aggregation only) and from their UTF-8 JSON (parsing and aggregation,
 * read as the client's event thread reads a frame's payload: one {@link JsonScanner} pass into a
 * {@link LazyJsonObject}).
 */
final class AggregationBench {

    /** One recorded run: its events and their payloads as UTF-8 JSON. */
    record Recording(int chunks, List<GatewayEvent> events, List<byte[]> payloads, long payloadBytes, String text) {}

    /** Result per chunk. */
    record Cost(
            int chunks,
            int events,
            double payloadBytesPerChunk,
            double aggregationNanosPerChunk,
            double parseAndAggregationNanosPerChunk) {}

    private AggregationBench() {}

    static Recording record(String gatewayUrl, String token, int chunks) throws Exception {
        List<GatewayEvent> events = new CopyOnWriteArrayList<>();
        String runId = "aggregation-" + chunks + "-" + System.nanoTime();
        try (GatewayClient client = GatewayClient.create(GatewayClientOptions.builder()
                .url(gatewayUrl)
                .token(token)
                .displayName("aggregation recorder")
                .build())) {
            client.connect().get(30, TimeUnit.SECONDS);
            Subscription subscription = client.addEventListener(e -> {
                if (runId.equals(e.runId())) {
                    events.add(e);
                }
            });
            AgentRunResult result = client.startRun(AgentRunRequest.builder("bench CHUNKS:" + chunks)
                            .sessionKey("agent:main:aggregation-" + chunks)
                            .idempotencyKey(runId)
                            .build())
                    .result()
                    .get(60, TimeUnit.SECONDS);
            Thread.sleep(200); // events after the terminal one (none expected)
            subscription.close();
            List<byte[]> payloads = events.stream()
                    .map(e -> e.payloadAsJson().getBytes(StandardCharsets.UTF_8))
                    .toList();
            long bytes = payloads.stream().mapToLong(b -> b.length).sum();
            return new Recording(chunks, List.copyOf(events), payloads, bytes, result.text());
        }
    }

    /** Replays the recording for about {@code time} each way; returns the cost per chunk. */
    static Cost measure(Recording r, Duration time) throws Exception {
        replay(r, false, Duration.ofMillis(time.toMillis() / 2)); // warm-up
        double aggregation = replay(r, false, time);
        replay(r, true, Duration.ofMillis(time.toMillis() / 2));
        double parsing = replay(r, true, time);
        return new Cost(
                r.chunks,
                r.events.size(),
                r.payloadBytes / (double) r.chunks,
                aggregation / r.chunks,
                parsing / r.chunks);
    }

    private static LazyJsonObject read(byte[] utf8) throws IOException {
        JsonScanner in = new JsonScanner(utf8, 0, utf8.length);
        LazyJsonObject payload = LazyJsonObject.read(in, utf8);
        in.finish();
        return payload;
    }

    /** Nanoseconds per replayed run. */
    private static double replay(Recording r, boolean parse, Duration time) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        long runs = 0;
        long start = System.nanoTime();
        AtomicReference<AgentRunResult> last = new AtomicReference<>();
        while (System.nanoTime() < end || runs < 3) {
            RunObserver observer = new RunObserver(key -> true, last::set, Duration.ofMinutes(10));
            for (int i = 0; i < r.events.size(); i++) {
                GatewayEvent e = r.events.get(i);
                observer.onEvent(
                        parse
                                ? new GatewayEvent(
                                        e.name(), read(r.payloads.get(i)), e.connectionSeq(), false, e.receivedAt())
                                : e);
            }
            runs++;
        }
        long elapsed = System.nanoTime() - start;
        if (last.get() == null || !r.text.equals(last.get().text())) {
            throw new IllegalStateException("replay of CHUNKS:" + r.chunks + " did not aggregate to the run's reply");
        }
        return elapsed / (double) runs;
    }
}
