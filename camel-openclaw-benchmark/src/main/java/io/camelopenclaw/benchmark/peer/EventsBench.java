package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The events benchmark's Java side: {@code EventsBench STREAMS RUNS} with GW_URL, TOKEN, GW_PID, MODE ({@code camel}:
 * {@code openclaw:events} into a counting processor, {@link CamelEvents}; {@code client}: a listener on the bare
 * GatewayClient, {@link ClientEvents}), CHUNKS (the fake gateway's, for the expected count) and WARMUP (default RUNS/10)
 * from the environment. Prints one JSON line: {@code {client, streams, chunks, runs, events, eventsPerSec, wallMs,
 * cpuPct, cpuUsPerEvent, gwCpuPct, gwUsPerEvent, errors, auth}}, like bench-events-official.mjs.
 */
public final class EventsBench {

    private static final long PHASE_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsBench() {}

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.of(args, System.getenv());
        int chunks = Integer.parseInt(System.getenv().getOrDefault("CHUNKS", "10"));
        EventStreams streams = new EventStreams(settings.concurrency(), chunks);
        int exit;
        try (EventSource source = settings.mode().equals("camel")
                ? CamelEvents.start(settings.gatewayUrl(), settings.token(), streams)
                : ClientEvents.connect(settings.gatewayUrl(), settings.token(), streams)) {
            System.err.println("java-" + settings.mode() + " events: " + source.auth() + ", " + settings);
            if (settings.warmup() > 0) {
                phase(streams, settings.warmup(), "warm-up");
            }
            CpuClock.Stopwatch stopwatch = CpuClock.start(settings.gatewayPid());
            EventStreams.Phase phase = phase(streams, settings.runs(), "measured runs");
            System.out.println(toJson(
                    "java-" + settings.mode(), settings.concurrency(), chunks, phase, stopwatch.stop(), source.auth()));
            exit = phase.errors() == 0 ? 0 : 1;
        }
        System.exit(exit);
    }

    private static EventStreams.Phase phase(EventStreams streams, int runs, String what) throws InterruptedException {
        EventStreams.Phase phase = streams.run(runs, PHASE_MINUTES, TimeUnit.MINUTES);
        if (phase == null) {
            throw new IllegalStateException(
                    "the " + what + " did not end within " + PHASE_MINUTES + " minutes (a run's last event was lost?)");
        }
        return phase;
    }

    static String toJson(
            String client, int streams, int chunks, EventStreams.Phase phase, CpuClock.Window window, String auth) {
        double wallMs = window.wallNanos() / 1e6;
        long events = Math.max(1, phase.events()); // per-event figures of an empty phase: per one event
        ObjectNode line = JSON.createObjectNode()
                .put("client", client)
                .put("streams", streams)
                .put("chunks", chunks)
                .put("runs", phase.runs())
                .put("events", phase.events())
                .put("eventsPerSec", Math.round(phase.events() / wallMs * 1000))
                .put("wallMs", Math.round(wallMs))
                .put("cpuPct", Math.round(window.cpuNanos() / 1e6 / wallMs * 100))
                .put("cpuUsPerEvent", PeerResult.round(window.cpuNanos() / 1e3 / events, 2));
        if (window.gatewayCpuMillis() != null) {
            line.put("gwCpuPct", Math.round(window.gatewayCpuMillis() / wallMs * 100))
                    .put("gwUsPerEvent", PeerResult.round(window.gatewayCpuMillis() * 1000.0 / events, 2));
        }
        return line.put("errors", phase.errors()).put("auth", auth).toString();
    }
}
