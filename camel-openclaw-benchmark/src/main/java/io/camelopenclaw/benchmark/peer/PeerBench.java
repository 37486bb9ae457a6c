package io.camelopenclaw.benchmark.peer;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The Java peer of ../shared/peer-bench (its README gives the contract): {@code PeerBench C R} with GW_URL, TOKEN,
 * GW_PID and MODE ({@code camel}: {@code direct:} → {@code openclaw:agent}, {@link CamelPeer}; {@code client}: the
 * bare GatewayClient, {@link ClientPeer}) from the environment. Warms up with WARMUP (default R/10) runs, then
 * measures R runs of the closed loop over C sessions and prints one JSON line ({@link PeerResult}) to stdout; logs go
 * to stderr. With PROFILE set, async-profiler samples the measured window ({@link WindowProfiler}). Run by run-all.sh through JAVA_BENCH_CMD, see docs/benchmarks.md.
 */
public final class PeerBench {

    /** The longest a warm-up or measured loop may take. */
    private static final long LOOP_MINUTES = 15;

    private PeerBench() {}

    public static void main(String[] args) throws Exception {
        PeerSettings settings = PeerSettings.of(args, System.getenv());
        int exit = 0;
        try (PeerClient peer = settings.mode().equals("camel")
                ? CamelPeer.start(settings.gatewayUrl(), settings.token(), settings.workerPoolSize())
                : ClientPeer.connect(settings.gatewayUrl(), settings.token())) {
            System.err.println("java-" + settings.mode() + ": " + peer.auth() + ", " + settings);
            PeerResult result = measure(peer, settings, "java-" + settings.mode(), peer.auth());
            System.out.println(result.toJson());
            exit = result.errors() == 0 ? 0 : 1;
        }
        System.exit(exit);
    }

    static PeerResult measure(RunStarter starter, PeerSettings settings, String client, String auth)
            throws InterruptedException, IOException {
        if (settings.warmup() > 0) {
            loop(new ClosedLoop(starter, settings.concurrency(), settings.warmup()), "warm-up");
        }
        ClosedLoop measured = new ClosedLoop(starter, settings.concurrency(), settings.runs());
        WindowProfiler profiler =
                WindowProfiler.startIfRequested(System.getenv("PROFILE"), System.getenv("PROFILE_EVENT"));
        CpuClock.Stopwatch stopwatch = CpuClock.start(settings.gatewayPid());
        loop(measured, "measured runs");
        CpuClock.Window window = stopwatch.stop();
        if (profiler != null) {
            profiler.stop();
        }
        return new PeerResult(
                client,
                settings.concurrency(),
                settings.runs(),
                measured.sortedLatencies(),
                window,
                measured.errors(),
                auth);
    }

    private static void loop(ClosedLoop loop, String what) throws InterruptedException {
        if (!loop.run(LOOP_MINUTES, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the " + what + " did not end within " + LOOP_MINUTES + " minutes");
        }
    }
}
