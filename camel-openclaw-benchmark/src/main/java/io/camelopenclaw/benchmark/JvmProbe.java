package io.camelopenclaw.benchmark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

import com.sun.management.OperatingSystemMXBean;

/**
 * What the benchmark reads from its own JVM and the machine: used heap after full GCs, threads by role, CPU time per
 * thread role, allocated bytes, class histograms, and the machine's CPU use (to tell the benchmark's share from other
 * load on the machine).
 */
final class JvmProbe {

    /** The roles threads are grouped into, from their names. */
    static final List<String> ROLES = List.of("gateway", "client", "camel", "benchmark+jvm");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private JvmProbe() {}

    static {
        THREADS.setThreadCpuTimeEnabled(true);
        if (THREADS instanceof com.sun.management.ThreadMXBean sun) {
            sun.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /**
     * The role of a thread by its name: the in-process test gateway (its run engine and Java-WebSocket's server
     * selector and workers), the gateway client (its event and timer threads, Java-WebSocket's client reader and
     * writer), Camel (the component's worker pool, which completes exchanges and runs the route after the producer),
     * or the benchmark and the JVM.
     */
    static String role(String name) {
        if (name.startsWith("openclaw-test-gateway")
                || name.startsWith("WebSocketSelector")
                || name.startsWith("WebSocketWorker")) {
            return "gateway";
        }
        if (name.startsWith("openclaw-client")
                || name.startsWith("WebSocketConnectReadThread")
                || name.startsWith("WebSocketWriteThread")) {
            return "client";
        }
        if (name.startsWith("Camel")) {
            return "camel";
        }
        return "benchmark+jvm";
    }

    /**
     * Used heap right after a full collection: the live data. Read from the collection's own record (heap after GC),
     * not from the heap usage a moment later, which under load already holds new garbage. Repeated until the live
     * size stops shrinking (objects with finalizers or cleaners need a second collection).
     */
    static long usedHeapAfterGc() {
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            long live = liveAfterLastFullGc();
            if (live >= previous - 64 * 1024) {
                return Math.min(live, previous);
            }
            previous = live;
        }
        return previous;
    }

    /** The heap after the last collection of the old-generation collector (a full GC after System.gc()). */
    private static long liveAfterLastFullGc() {
        long best = -1;
        long latest = -1;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean sun
                    && sun.getLastGcInfo() != null
                    && sun.getLastGcInfo().getEndTime() > latest
                    && !bean.getName().contains("Young")) {
                latest = sun.getLastGcInfo().getEndTime();
                best = sun.getLastGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
            }
        }
        return best >= 0 ? best : MEMORY.getHeapMemoryUsage().getUsed();
    }

    static long maxHeap() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }

    static int threadCount() {
        return THREADS.getThreadCount();
    }

    static int peakThreadCount() {
        return THREADS.getPeakThreadCount();
    }

    static void resetPeakThreadCount() {
        THREADS.resetPeakThreadCount();
    }

    /** Live threads by name with the digits replaced by #, e.g. {@code WebSocketWorker-# = 2}. */
    static Map<String, Integer> threadsByName() {
        Map<String, Integer> byName = new TreeMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                byName.merge(
                        role(info.getThreadName()) + ": "
                                + DIGITS.matcher(info.getThreadName()).replaceAll("#"),
                        1,
                        Integer::sum);
            }
        }
        return byName;
    }

    /** Live threads per role. */
    static Map<String, Integer> threadsByRole() {
        Map<String, Integer> byRole = new LinkedHashMap<>();
        ROLES.forEach(r -> byRole.put(r, 0));
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                byRole.merge(role(info.getThreadName()), 1, Integer::sum);
            }
        }
        return byRole;
    }

    /** A point-in-time reading of CPU time (per thread and process), allocation and the machine's CPU counters. */
    record Snapshot(
            long nanos,
            Map<Long, String> names,
            Map<Long, Long> cpu,
            Map<Long, Long> allocated,
            long processCpu,
            long gcMillis,
            long[] machine) {

        static Snapshot take() {
            long[] ids = THREADS.getAllThreadIds();
            Map<Long, String> names = new HashMap<>();
            Map<Long, Long> cpu = new HashMap<>();
            Map<Long, Long> allocated = new HashMap<>();
            long[] bytes = THREADS instanceof com.sun.management.ThreadMXBean sun
                    ? sun.getThreadAllocatedBytes(ids)
                    : new long[ids.length];
            ThreadInfo[] infos = THREADS.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] == null) {
                    continue;
                }
                names.put(ids[i], infos[i].getThreadName());
                cpu.put(ids[i], Math.max(0, THREADS.getThreadCpuTime(ids[i])));
                allocated.put(ids[i], Math.max(0, bytes[i]));
            }
            long process = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : 0;
            long gc = 0;
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, bean.getCollectionTime());
            }
            return new Snapshot(System.nanoTime(), names, cpu, allocated, process, gc, machineTicks());
        }

        /** CPU nanoseconds per role between {@code start} and this snapshot; "gc+jit+other" is the process rest. */
        Map<String, Long> cpuByRole(Snapshot start) {
            Map<String, Long> byRole = sumByRole(start.cpu, cpu);
            long threads = byRole.values().stream().mapToLong(Long::longValue).sum();
            byRole.put("gc+jit (no java thread)", Math.max(0, (processCpu - start.processCpu) - threads));
            return byRole;
        }

        Map<String, Long> allocatedByRole(Snapshot start) {
            return sumByRole(start.allocated, allocated);
        }

        private Map<String, Long> sumByRole(Map<Long, Long> before, Map<Long, Long> after) {
            Map<String, Long> byRole = new LinkedHashMap<>();
            ROLES.forEach(r -> byRole.put(r, 0L));
            after.forEach(
                    (id, value) -> byRole.merge(role(names.get(id)), value - before.getOrDefault(id, 0L), Long::sum));
            return byRole;
        }

        /** The threads that were busiest between the snapshots: name and share of the wall time on a CPU. */
        List<Map.Entry<String, Double>> busiestThreads(Snapshot start, int n) {
            double wall = nanos - start.nanos;
            return cpu.entrySet().stream()
                    .map(e -> Map.entry(
                            names.get(e.getKey()), (e.getValue() - start.cpu.getOrDefault(e.getKey(), 0L)) / wall))
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .limit(n)
                    .toList();
        }

        long processCpuNanos(Snapshot start) {
            return processCpu - start.processCpu;
        }

        long gcMillis(Snapshot start) {
            return gcMillis - start.gcMillis;
        }

        /**
         * The machine's busy share between the snapshots (all processes, 0..1 of all cores) from /proc/stat, or -1
         * when unavailable.
         */
        double machineBusy(Snapshot start) {
            if (machine == null || start.machine == null) {
                return -1;
            }
            long busy = machine[0] - start.machine[0];
            long total = machine[1] - start.machine[1];
            return total <= 0 ? -1 : (double) busy / total;
        }
    }

    /** {busy, total} jiffies of all CPUs, from the first line of /proc/stat; null when not on Linux. */
    private static long[] machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Instances and bytes of a class in a histogram. */
    record ClassCount(long instances, long bytes) {}

    /** The live objects per class (the JVM's GC.class_histogram, which runs a full GC first). */
    static Map<String, ClassCount> classHistogram() {
        Map<String, ClassCount> counts = new HashMap<>();
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            for (String line : text.split("\n")) {
                Matcher m = HISTOGRAM_LINE.matcher(line);
                if (m.matches()) {
                    counts.put(m.group(3), new ClassCount(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                }
            }
        } catch (Exception e) {
            System.out.println("  (class histogram unavailable: " + e + ")");
        }
        return counts;
    }

    /** The owner of a class for the histogram: the package that allocates it, or "jdk" when shared. */
    static String owner(String className) {
        String c = className.replace('/', '.');
        if (c.startsWith("io.camelopenclaw.testgateway")) {
            return "gateway";
        }
        if (c.startsWith("io.camelopenclaw.client")) {
            return "client";
        }
        if (c.startsWith("io.camelopenclaw.component") || c.startsWith("org.apache.camel")) {
            return "camel";
        }
        if (c.startsWith("com.fasterxml.jackson")) {
            return "jackson (client and gateway)";
        }
        if (c.startsWith("org.java_websocket")) {
            return "websocket (client and gateway)";
        }
        return "jdk (any)";
    }
}
