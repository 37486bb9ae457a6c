package io.camelopenclaw.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.component.OpenClawComponent;
import io.camelopenclaw.component.OpenClawConfiguration;
import io.camelopenclaw.component.OpenClawConstants;
import io.camelopenclaw.testgateway.TestGateway;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

import static io.camelopenclaw.benchmark.Report.ms;
import static io.camelopenclaw.benchmark.Report.section;

/**
 * The benchmark of {@code direct:} → {@code openclaw:agent} against the in-process {@link TestGateway} (same JVM, one
 * gateway connection), see docs/benchmarks.md. Modes:
 * <ul>
 * <li>{@code throughput}: closed loops of C concurrent senders (C = 1, 16, 256 by default), each with its own session
 * key, sending {@code CHUNKS:10} runs (10-chunk replies, no chunk delay): runs/s, p50/p99 latency per run, threads,
 * CPU and allocation per run by thread role, heap per in-flight run.</li>
 * <li>{@code chunks}: the same at one concurrency with 10, 100 and 1000-chunk replies: cost per chunk, to show that
 * aggregation is linear in the number of chunks.</li>
 * <li>{@code inflight} (runs first): 10,000 runs held in flight at once (the {@code HANG} agent never answers): heap per in-flight
 * run (used heap after full GCs, without vs. with the runs), threads, the classes that hold the heap; then they are
 * all aborted through the producer's abort operation.</li>
 * </ul>
 * Options ({@code --name=value}): modes, concurrency, warmup (first, global), level-warmup, iterations,
 * iteration-time, chunks, chunk-concurrency, inflight, protocol, worker-pool-size, transcript-limit.
 */
public final class OpenClawBenchmark {

    private static final String TOKEN = "benchmark-token";
    /** Latency samples per measurement window (more are counted but not kept). */
    private static final int SAMPLES = 1 << 20;

    private final Options options;
    private final int[][] buffers = new int[2][SAMPLES];
    private final List<String> summary = new ArrayList<>();
    private TestGateway gateway;
    private CamelContext context;
    private AsyncProducer producer;
    private LevelRunner levels;

    private OpenClawBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        OpenClawBenchmark benchmark = new OpenClawBenchmark(options);
        try {
            benchmark.start();
            benchmark.environment();
            // in flight first: its heap baseline needs the gateway before the other modes filled its transcripts
            // and its cache of finished runs (state that belongs to the gateway, not to runs in flight)
            if (options.modes.contains("inflight")) {
                benchmark.inflight();
            }
            if (options.modes.contains("throughput")) {
                benchmark.throughput();
            }
            if (options.modes.contains("chunks")) {
                benchmark.chunks();
            }
            benchmark.printSummary();
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ setup

    private void start() throws Exception {
        gateway = TestGateway.builder()
                .token(TOKEN)
                .protocol(options.protocol)
                .chunkDelay(Duration.ZERO)
                .maxRecordedRequests(0)
                .transcriptLimit(options.transcriptLimit)
                .build()
                .start();
        context = new DefaultCamelContext();
        OpenClawComponent component = context.getComponent(OpenClawConstants.SCHEME, OpenClawComponent.class);
        component.setWorkerPoolSize(options.workerPoolSize);
        OpenClawConfiguration defaults = component.getConfiguration();
        defaults.setGatewayUrl(gateway.url());
        defaults.setToken(TOKEN);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no error handler: the in-flight mode fails 10,000 exchanges on purpose (aborted), nothing to log
                errorHandler(noErrorHandler());
                from("direct:run").routeId("run").to("openclaw:agent");
            }
        });
        context.start();
        Endpoint direct = context.getEndpoint("direct:run");
        producer = direct.createAsyncProducer();
        ServiceHelper.startService(producer);
        levels = new LevelRunner(producer, buffers, options.levelWarmup, options.iterations, options.iterationTime);
        // the first exchange waits for the connection
        Exchange first = direct.createExchange();
        first.getMessage().setBody("hello");
        first.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:bench-hello");
        CountDownLatch done = new CountDownLatch(1);
        producer.process(first, sync -> done.countDown());
        if (!done.await(30, TimeUnit.SECONDS) || first.getException() != null) {
            throw new IllegalStateException("first run failed", first.getException());
        }
    }

    private void stop() {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    private void environment() {
        section("Environment");
        Machine.print();
        System.out.printf(
                "Gateway:    in-process TestGateway, protocol %d, %s, chunkDelay 0, request log off,"
                        + " transcripts of %d messages per session, %d connection(s)%n",
                gateway.protocol(), gateway.url(), options.transcriptLimit, gateway.connectionCount());
        System.out.printf(
                "Route:      from(\"direct:run\").to(\"openclaw:agent\") with noErrorHandler(), component workerPoolSize=%d,"
                        + " runTimeout default (600 s), session key per sender in CamelOpenClawSessionKey%n",
                options.workerPoolSize);
        System.out.printf("Driver:     closed loop, each sender sends its next exchange from the completion callback"
                + " of its previous one (AsyncProducer of direct:run; no thread per run)%n");
        System.out.printf("Settings:   %s%n", options);
    }

    // ------------------------------------------------------------------------------------------------ throughput

    private void throughput() throws Exception {
        section("Warm-up (JIT): C=16, CHUNKS:10, " + options.warmup.toSeconds() + " s");
        ClosedLoad warm = new ClosedLoad(producer, 16, "bench CHUNKS:10", "agent:main:warmup-u", buffers);
        warm.start();
        Thread.sleep(options.warmup.toMillis());
        ClosedLoad.Window w = warm.newWindow();
        warm.stop(60);
        System.out.printf(
                "%d runs in %.1f s = %.0f runs/s (not counted)%n",
                w.completed.get(),
                (System.nanoTime() - w.startNanos) / 1e9,
                w.completed.get() / ((System.nanoTime() - w.startNanos) / 1e9));
        summary.add(
                "| C | runs/s (mean of iterations, min–max) | p50 | p99 | p99.9 | threads (live / peak) | CPU per run"
                        + " (gateway / client / camel / gc+jit) | heap per in-flight run | machine busy (benchmark) |");
        summary.add("|---|---|---|---|---|---|---|---|---|");
        for (int c : options.concurrency) {
            Level level = levels.measure("throughput C=" + c, c, "bench CHUNKS:10", "agent:main:tp-c" + c + "-u", true);
            summary.add(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f (%,.0f–%,.0f) | %s | %s | %s | %d / %d | %s | %s | %s |",
                    c,
                    level.meanRate,
                    level.minRate,
                    level.maxRate,
                    ms(level.p50),
                    ms(level.p99),
                    ms(level.p999),
                    level.threads,
                    level.peakThreads,
                    level.cpuPerRunText(),
                    level.heapPerRunText(),
                    level.busyText()));
        }
    }

    private void chunks() throws Exception {
        int c = options.chunkConcurrency;
        List<String> rows = new ArrayList<>();
        rows.add("| chunks per run | runs/s | chunks/s | CPU per chunk (all) | gateway | client | camel | gc+jit |"
                + " p50 per run | p50 per chunk |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : options.chunkCounts) {
            Level level = levels.measure(
                    "chunks: CHUNKS:" + n + " at C=" + c, c, "bench CHUNKS:" + n, "agent:main:ch" + n + "-u", false);
            double chunksPerSecond = level.meanRate * n;
            Map<String, Long> cpu = level.cpuByRole;
            double all = cpu.values().stream().mapToLong(Long::longValue).sum() / 1e3 / (level.runs * (double) n);
            rows.add(String.format(
                    Locale.ROOT,
                    "| %d | %,.1f | %,.0f | %.2f µs | %.2f µs | %.2f µs | %.2f µs | %.2f µs |" + " %s | %.1f µs |",
                    n,
                    level.meanRate,
                    chunksPerSecond,
                    all,
                    level.perChunk("gateway", n),
                    level.perChunk("client", n),
                    level.perChunk("camel", n),
                    level.perChunk("gc+jit (no java thread)", n),
                    ms(level.p50),
                    level.p50 / (double) n));
        }
        summary.add("");
        summary.add("Cost per chunk vs. chunks per run, end to end (C=" + c + "):");
        summary.add("");
        summary.addAll(rows);

        section("chunks: the client's aggregation alone (recorded events replayed into a RunObserver on one thread)");
        List<String> aggregation = new ArrayList<>();
        aggregation.add("| chunks per run | events per run | payload bytes per chunk | aggregation per chunk |"
                + " JSON parsing + aggregation per chunk |");
        aggregation.add("|---|---|---|---|---|");
        for (int n : options.chunkCounts) {
            AggregationBench.Recording recording = AggregationBench.record(gateway.url(), TOKEN, n);
            AggregationBench.Cost cost = AggregationBench.measure(recording, Duration.ofSeconds(2));
            String row = String.format(
                    Locale.ROOT,
                    "| %d | %d | %,.0f B | %.0f ns | %,.0f ns |",
                    n,
                    cost.events(),
                    cost.payloadBytesPerChunk(),
                    cost.aggregationNanosPerChunk(),
                    cost.parseAndAggregationNanosPerChunk());
            System.out.println(row);
            aggregation.add(row);
        }
        summary.add("");
        summary.add("The client's aggregation alone vs. chunks per run (one thread, recorded events):");
        summary.add("");
        summary.addAll(aggregation);
    }

    // ------------------------------------------------------------------------------------------------ in flight

    private void inflight() throws Exception {
        summary.add("");
        summary.add(new InflightMode(producer, gateway, options.inflight).run());
    }

    // ------------------------------------------------------------------------------------------------ summary

    private void printSummary() {
        section("Summary");
        summary.forEach(System.out::println);
        System.out.println();
        System.out.printf("Load average at the end: %s%n", Machine.loadAverage());
    }

    /** The command line options. */
    private record Options(
            List<String> modes,
            int[] concurrency,
            Duration warmup,
            Duration levelWarmup,
            int iterations,
            Duration iterationTime,
            int[] chunkCounts,
            int chunkConcurrency,
            int inflight,
            int protocol,
            int workerPoolSize,
            int transcriptLimit) {

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("options are --name=value, got " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Options o = new Options(
                    List.of(values.getOrDefault("modes", "throughput,chunks,inflight")
                            .split(",")),
                    ints(values.getOrDefault("concurrency", "1,16,256")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "10"))),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("level-warmup", "3"))),
                    Integer.parseInt(values.getOrDefault("iterations", "5")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("iteration-time", "3"))),
                    ints(values.getOrDefault("chunks", "10,100,1000")),
                    Integer.parseInt(values.getOrDefault("chunk-concurrency", "4")),
                    Integer.parseInt(values.getOrDefault("inflight", "10000")),
                    Integer.parseInt(values.getOrDefault("protocol", "4")),
                    Integer.parseInt(values.getOrDefault("worker-pool-size", "10")),
                    Integer.parseInt(values.getOrDefault("transcript-limit", "200")));
            values.keySet()
                    .removeAll(List.of(
                            "modes",
                            "concurrency",
                            "warmup",
                            "level-warmup",
                            "iterations",
                            "iteration-time",
                            "chunks",
                            "chunk-concurrency",
                            "inflight",
                            "protocol",
                            "worker-pool-size",
                            "transcript-limit"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options " + values.keySet());
            }
            return o;
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        }

        @Override
        public String toString() {
            return "modes=" + String.join(",", modes) + " concurrency=" + Arrays.toString(concurrency) + " warmup="
                    + warmup.toSeconds() + "s level-warmup=" + levelWarmup.toSeconds() + "s iterations=" + iterations
                    + " × " + iterationTime.toSeconds() + "s chunks=" + Arrays.toString(chunkCounts)
                    + " chunk-concurrency=" + chunkConcurrency + " inflight=" + inflight + " protocol=" + protocol
                    + " worker-pool-size=" + workerPoolSize + " transcript-limit=" + transcriptLimit;
        }
    }
}
