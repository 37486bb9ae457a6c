package io.camelopenclaw.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.AsyncProducer;

import static io.camelopenclaw.benchmark.Report.abbreviate;
import static io.camelopenclaw.benchmark.Report.ms;
import static io.camelopenclaw.benchmark.Report.section;

/**
 * Measures closed-loop load levels ({@link ClosedLoad}) through one producer: each level runs a warm-up, then
 * {@code iterations} windows of {@code iterationTime}; prints each window and the level's totals.
 */
final class LevelRunner {

    private final AsyncProducer producer;
    private final int[][] buffers;
    private final Duration levelWarmup;
    private final int iterations;
    private final Duration iterationTime;

    LevelRunner(AsyncProducer producer, int[][] buffers, Duration levelWarmup, int iterations, Duration iterationTime) {
        this.producer = producer;
        this.buffers = buffers;
        this.levelWarmup = levelWarmup;
        this.iterations = iterations;
        this.iterationTime = iterationTime;
    }

    /**
     * Runs one level of {@code concurrency} senders of {@code message}. With {@code measureHeap}, the used heap after
     * full GCs is read once more while the load still runs, against the idle heap right after it: the heap the
     * in-flight runs hold.
     */
    Level measure(String name, int concurrency, String message, String sessionPrefix, boolean measureHeap)
            throws Exception {
        section(name + " (" + message + ", sessions " + sessionPrefix + "0.." + (concurrency - 1) + ")");
        JvmProbe.resetPeakThreadCount();
        ClosedLoad load = new ClosedLoad(producer, concurrency, message, sessionPrefix, buffers);
        load.start();
        Thread.sleep(levelWarmup.toMillis());
        load.newWindow();
        Level level = new Level();
        level.concurrency = concurrency;
        JvmProbe.Snapshot start = JvmProbe.Snapshot.take();
        List<int[]> all = new ArrayList<>();
        double rateSum = 0;
        for (int i = 1; i <= iterations; i++) {
            Thread.sleep(iterationTime.toMillis());
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
            measureHeapPerRun(level, loadedHeap);
        }
        int[] merged = merge(all);
        level.meanRate = rateSum / iterations;
        level.p50 = pct(merged, 50);
        level.p99 = pct(merged, 99);
        level.p999 = pct(merged, 99.9);
        level.cpuByRole = end.cpuByRole(start);
        level.allocatedByRole = end.allocatedByRole(start);
        double wall = (end.nanos() - start.nanos()) / 1e9;
        level.machineBusy = end.machineBusy(start);
        level.ownBusy =
                end.processCpuNanos(start) / 1e9 / wall / Runtime.getRuntime().availableProcessors();
        printTotals(level, start, end, wall);
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

    /**
     * Sets the heap per in-flight run against the heap right after the load stopped, not before it started: the
     * gateway's own state (transcripts, its idempotency cache of finished runs) grows during the level and is no
     * in-flight run.
     */
    private static void measureHeapPerRun(Level level, long loadedHeap) {
        long idleHeap = JvmProbe.usedHeapAfterGc();
        level.heapPerRun = Math.max(0, loadedHeap - idleHeap) / level.concurrency;
        System.out.printf(
                Locale.ROOT,
                "heap after GC: with %d runs in flight %.1f MB, right after they ended"
                        + " %.1f MB → %,d B per in-flight run%n",
                level.concurrency,
                loadedHeap / 1048576.0,
                idleHeap / 1048576.0,
                level.heapPerRun);
    }

    /** Prints the level's rate and latency, CPU and allocation per run, and how busy the machine was. */
    private void printTotals(Level level, JvmProbe.Snapshot start, JvmProbe.Snapshot end, double wall) {
        System.out.printf(
                Locale.ROOT,
                "level: %,.0f runs/s (mean of %d × %d s; min %,.0f, max %,.0f), p50 %s, p99 %s,"
                        + " p99.9 %s, %,d runs%n",
                level.meanRate,
                iterations,
                iterationTime.toSeconds(),
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
                Machine.loadAverage());
        System.out.printf(
                "busiest threads (share of wall time on a CPU): %s%n",
                end.busiestThreads(start, 6).stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), e.getValue() * 100))
                        .collect(Collectors.joining(", ")));
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

    /** The {@code p}-th percentile of sorted samples (0 without samples). */
    private static int pct(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
