package io.camelopenclaw.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        section("Environment");
        System.out.printf(
                "JVM:        %s %s (%s), %s%n",
                runtime.getVmName(),
                runtime.getVmVersion(),
                System.getProperty("java.vendor"),
                String.join(" ", runtime.getInputArguments()));
        System.out.printf(
                "GC:         %s%n",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")));
        System.out.printf("Heap:       max %d MB%n", JvmProbe.maxHeap() >> 20);
        System.out.printf(
                "Machine:    %s %s %s, %d cores (availableProcessors), %s, %s%n",
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotal());
        System.out.printf("Load:       %s (load average 1 min, all processes of the machine)%n", loadAverage());
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
            Level level = measure("throughput C=" + c, c, "bench CHUNKS:10", "agent:main:tp-c" + c + "-u", true);
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
            Level level = measure(
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
                    perChunk(cpu, "gateway", level, n),
                    perChunk(cpu, "client", level, n),
                    perChunk(cpu, "camel", level, n),
                    perChunk(cpu, "gc+jit (no java thread)", level, n),
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

    private static double perChunk(Map<String, Long> cpu, String role, Level level, int n) {
        return cpu.getOrDefault(role, 0L) / 1e3 / (level.runs * (double) n);
    }

    /** What one load level measured (all iterations together unless noted). */
    private static final class Level {
        double meanRate;
        double minRate = Double.MAX_VALUE;
        double maxRate;
        int p50;
        int p99;
        int p999;
        long runs;
        int threads;
        int peakThreads;
        Map<String, Long> cpuByRole;
        Map<String, Long> allocatedByRole;
        long heapPerRun = -1;
        int concurrency;
        double machineBusy;
        double ownBusy;

        String cpuPerRunText() {
            return String.format(
                    Locale.ROOT,
                    "%.0f / %.0f / %.0f / %.0f µs",
                    perRun("gateway"),
                    perRun("client"),
                    perRun("camel"),
                    perRun("gc+jit (no java thread)"));
        }

        double perRun(String role) {
            return cpuByRole.getOrDefault(role, 0L) / 1e3 / runs;
        }

        String heapPerRunText() {
            return heapPerRun < 0 ? "–" : String.format(Locale.ROOT, "%,d B", heapPerRun);
        }

        String busyText() {
            return String.format(Locale.ROOT, "%.0f %% (%.0f %%)", machineBusy * 100, ownBusy * 100);
        }
    }

    /**
     * Runs one closed-loop level: warm-up, then {@code iterations} windows of {@code iterationTime}; prints each
     * window and the level's totals. With {@code measureHeap}, the used heap after full GCs is read once more while
     * the load still runs, against the idle heap before the level: the heap the in-flight runs hold.
     */
    private Level measure(String name, int concurrency, String message, String sessionPrefix, boolean measureHeap)
            throws Exception {
        section(name + " (" + message + ", sessions " + sessionPrefix + "0.." + (concurrency - 1) + ")");
        JvmProbe.resetPeakThreadCount();
        ClosedLoad load = new ClosedLoad(producer, concurrency, message, sessionPrefix, buffers);
        load.start();
        Thread.sleep(options.levelWarmup.toMillis());
        load.newWindow();
        Level level = new Level();
        level.concurrency = concurrency;
        JvmProbe.Snapshot start = JvmProbe.Snapshot.take();
        List<int[]> all = new ArrayList<>();
        double rateSum = 0;
        for (int i = 1; i <= options.iterations; i++) {
            Thread.sleep(options.iterationTime.toMillis());
            ClosedLoad.Window window = load.newWindow();
            double seconds = (System.nanoTime() - window.startNanos) / 1e9;
            long completed = window.completed.get();
            double rate = completed / seconds;
            int[] sorted = window.sorted();
            all.add(sorted);
            rateSum += rate;
            level.minRate = Math.min(level.minRate, rate);
            level.maxRate = Math.max(level.maxRate, rate);
            level.runs += completed;
            System.out.printf(
                    Locale.ROOT,
                    "iteration %d: %,8d runs in %.2f s = %,9.0f runs/s  p50 %s  p99 %s  max %s"
                            + "  failed %d  threads %d%n",
                    i,
                    completed,
                    seconds,
                    rate,
                    ms(pct(sorted, 50)),
                    ms(pct(sorted, 99)),
                    ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                    window.failed.get(),
                    JvmProbe.threadCount());
        }
        JvmProbe.Snapshot end = JvmProbe.Snapshot.take();
        level.threads = JvmProbe.threadCount();
        Map<String, Integer> threadsByRole = JvmProbe.threadsByRole();
        Map<String, Integer> threadsByName = JvmProbe.threadsByName();
        long loadedHeap = measureHeap ? JvmProbe.usedHeapAfterGc() : -1;
        level.peakThreads = JvmProbe.peakThreadCount();
        boolean stopped = load.stop(120);
        if (measureHeap) {
            // against the heap right after the load stopped, not before it started: the gateway's own state
            // (transcripts, its idempotency cache of finished runs) grows during the level and is no in-flight run
            long idleHeap = JvmProbe.usedHeapAfterGc();
            level.heapPerRun = Math.max(0, loadedHeap - idleHeap) / concurrency;
            System.out.printf(
                    Locale.ROOT,
                    "heap after GC: with %d runs in flight %.1f MB, right after they ended"
                            + " %.1f MB → %,d B per in-flight run%n",
                    concurrency,
                    loadedHeap / 1048576.0,
                    idleHeap / 1048576.0,
                    level.heapPerRun);
        }
        int[] merged = merge(all);
        level.meanRate = rateSum / options.iterations;
        level.p50 = pct(merged, 50);
        level.p99 = pct(merged, 99);
        level.p999 = pct(merged, 99.9);
        level.cpuByRole = end.cpuByRole(start);
        level.allocatedByRole = end.allocatedByRole(start);
        double wall = (end.nanos() - start.nanos()) / 1e9;
        level.machineBusy = end.machineBusy(start);
        level.ownBusy =
                end.processCpuNanos(start) / 1e9 / wall / Runtime.getRuntime().availableProcessors();
        System.out.printf(
                Locale.ROOT,
                "level: %,.0f runs/s (mean of %d × %d s; min %,.0f, max %,.0f), p50 %s, p99 %s,"
                        + " p99.9 %s, %,d runs%n",
                level.meanRate,
                options.iterations,
                options.iterationTime.toSeconds(),
                level.minRate,
                level.maxRate,
                ms(level.p50),
                ms(level.p99),
                ms(level.p999),
                level.runs);
        System.out.printf(
                Locale.ROOT,
                "CPU per run by thread role: %s (process total %.0f µs per run; GC time %d ms" + " in %.0f s)%n",
                level.cpuByRole.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f µs", e.getKey(), e.getValue() / 1e3 / level.runs))
                        .collect(Collectors.joining(", ")),
                end.processCpuNanos(start) / 1e3 / level.runs,
                end.gcMillis(start),
                wall);
        System.out.printf(
                Locale.ROOT,
                "allocated per run by thread role: %s%n",
                level.allocatedByRole.entrySet().stream()
                        .map(e -> String.format(
                                Locale.ROOT, "%s %.1f KB", e.getKey(), e.getValue() / 1024.0 / level.runs))
                        .collect(Collectors.joining(", ")));
        System.out.printf(
                Locale.ROOT,
                "machine CPU busy %.0f %% of %d cores, this JVM %.0f %% → other processes"
                        + " ~%.0f %%; load average %s%n",
                level.machineBusy * 100,
                Runtime.getRuntime().availableProcessors(),
                level.ownBusy * 100,
                Math.max(0, level.machineBusy - level.ownBusy) * 100,
                loadAverage());
        System.out.printf(
                "busiest threads (share of wall time on a CPU): %s%n",
                end.busiestThreads(start, 6).stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue() * 100))
                        .collect(Collectors.joining(", ")));
        System.out.printf("threads: %d live, %d peak; by role %s%n", level.threads, level.peakThreads, threadsByRole);
        System.out.printf("threads by name: %s%n", threadsByName);
        if (load.firstError() != null) {
            System.out.println("first failure: " + load.firstError());
        }
        System.out.printf("sample reply: %s%n", abbreviate(load.sampleReply()));
        if (!stopped) {
            System.out.println("WARNING: not every sender finished its last run within 120 s");
        }
        return level;
    }

    // ------------------------------------------------------------------------------------------------ in flight

    private void inflight() throws Exception {
        int n = options.inflight;
        section("In flight: " + n + " HANG runs (distinct sessions) held at once, then aborted");
        Endpoint direct = producer.getEndpoint();
        long idleHeap = JvmProbe.usedHeapAfterGc();
        int idleThreads = JvmProbe.threadCount();
        Map<String, JvmProbe.ClassCount> before = JvmProbe.classHistogram();
        JvmProbe.resetPeakThreadCount();

        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch ended = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Exchange exchange = direct.createExchange();
            exchange.getMessage().setBody("bench HANG");
            exchange.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:hang-" + i);
            producer.process(exchange, sync -> {
                Throwable error = exchange.getException();
                outcomes.merge(error == null ? "ok" : error.getClass().getSimpleName(), 1, Integer::sum);
                ended.countDown();
            });
        }
        long submitted = System.nanoTime();
        long deadline = System.currentTimeMillis() + 120_000;
        int started = 0;
        while (System.currentTimeMillis() < deadline) {
            started = (int) gateway.sessions().keys().stream()
                    .filter(k -> k.startsWith("agent:main:hang-"))
                    .count();
            if (started >= n) {
                break;
            }
            Thread.sleep(20);
        }
        long accepted = System.nanoTime();
        Thread.sleep(1_000); // let the chat.send answers and first events arrive
        System.out.printf(
                Locale.ROOT,
                "submitted %,d exchanges in %.0f ms; the gateway had started %,d runs after"
                        + " %.0f ms; still running (not completed): %,d%n",
                n,
                (submitted - t0) / 1e6,
                started,
                (accepted - t0) / 1e6,
                ended.getCount());
        long loadedHeap = JvmProbe.usedHeapAfterGc();
        int loadedThreads = JvmProbe.threadCount();
        Map<String, JvmProbe.ClassCount> during = JvmProbe.classHistogram();
        long perRun = (loadedHeap - idleHeap) / n;
        System.out.printf(
                Locale.ROOT,
                "used heap after GC: idle %.1f MB, with %,d runs in flight %.1f MB (max heap %d MB)"
                        + " → %,d B per in-flight run (client, Camel and gateway in this JVM)%n",
                idleHeap / 1048576.0,
                n,
                loadedHeap / 1048576.0,
                JvmProbe.maxHeap() >> 20,
                perRun);
        System.out.printf(
                "threads: idle %d, with %,d runs in flight %d (peak %d); by role %s%n",
                idleThreads, n, loadedThreads, JvmProbe.peakThreadCount(), JvmProbe.threadsByRole());
        Map<String, Long> byOwner = histogramByOwner(before, during, n);
        String ownerText = byOwner.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d B", e.getKey(), e.getValue() / n))
                .collect(Collectors.joining(", "));
        System.out.println("per in-flight run by owner of the class: " + ownerText);

        long a0 = System.nanoTime();
        CountDownLatch aborts = new CountDownLatch(n);
        AtomicInteger abortFailures = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Exchange abort = direct.createExchange();
            abort.getMessage().setHeader(OpenClawConstants.OPERATION, "abort");
            abort.getMessage().setHeader(OpenClawConstants.SESSION_KEY, "agent:main:hang-" + i);
            producer.process(abort, sync -> {
                if (abort.getException() != null) {
                    abortFailures.incrementAndGet();
                }
                aborts.countDown();
            });
        }
        boolean allAborted = aborts.await(2, TimeUnit.MINUTES) & ended.await(2, TimeUnit.MINUTES);
        long a1 = System.nanoTime();
        long afterHeap = JvmProbe.usedHeapAfterGc();
        System.out.printf(
                Locale.ROOT,
                "aborted all through the abort operation in %.0f ms (%s); abort exchanges failed: %d;"
                        + " run outcomes %s%n",
                (a1 - a0) / 1e6,
                allAborted ? "all ended" : "NOT ALL ENDED",
                abortFailures.get(),
                outcomes);
        System.out.printf(
                Locale.ROOT,
                "used heap after GC once they ended: %.1f MB (idle before: %.1f MB; the gateway"
                        + " keeps up to 10,000 finished runs for its idempotency cache and the"
                        + " sessions' transcripts); threads %d%n",
                afterHeap / 1048576.0,
                idleHeap / 1048576.0,
                JvmProbe.threadCount());
        summary.add("");
        summary.add(String.format(
                Locale.ROOT,
                "In flight: %,d runs: %,d B heap per run (%.1f MB total over idle,"
                        + " max heap %d MB), threads %d idle → %d in flight; by owner: %s",
                n,
                perRun,
                (loadedHeap - idleHeap) / 1048576.0,
                JvmProbe.maxHeap() >> 20,
                idleThreads,
                loadedThreads,
                ownerText));
    }

    /** Bytes the in-flight runs added, by owner; prints the classes that grew most. */
    private static Map<String, Long> histogramByOwner(
            Map<String, JvmProbe.ClassCount> before, Map<String, JvmProbe.ClassCount> during, int n) {
        Map<String, Long> byOwner = new LinkedHashMap<>();
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        during.forEach((cls, count) -> {
            JvmProbe.ClassCount b = before.getOrDefault(cls, new JvmProbe.ClassCount(0, 0));
            long bytes = count.bytes() - b.bytes();
            long instances = count.instances() - b.instances();
            byOwner.merge(JvmProbe.owner(cls), bytes, Long::sum);
            grown.add(Map.entry(cls, new long[] {instances, bytes}));
        });
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println("classes that grew most (per in-flight run: instances, bytes):");
        for (Map.Entry<String, long[]> e : grown.subList(0, Math.min(20, grown.size()))) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-90s %6.2f × %,7d B  [%s]%n",
                    e.getKey(),
                    e.getValue()[0] / (double) n,
                    e.getValue()[1] / n,
                    JvmProbe.owner(e.getKey()));
        }
        return byOwner;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void printSummary() {
        section("Summary");
        summary.forEach(System.out::println);
        System.out.println();
        System.out.printf("Load average at the end: %s%n", loadAverage());
    }

    private static int[] merge(List<int[]> arrays) {
        int[] merged = new int[arrays.stream().mapToInt(a -> a.length).sum()];
        int i = 0;
        for (int[] a : arrays) {
            System.arraycopy(a, 0, merged, i, a.length);
            i += a.length;
        }
        Arrays.sort(merged);
        return merged;
    }

    private static int pct(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String ms(int micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static String abbreviate(String s) {
        return s == null ? null : s.length() <= 80 ? s : s.substring(0, 40) + " … " + s.substring(s.length() - 30);
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 20) + " GB RAM")
                    .orElse("");
        } catch (Exception e) {
            return "";
        }
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
