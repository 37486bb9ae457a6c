package io.camelopenclaw.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Facts of the machine and the JVM the benchmark runs on (from /proc where there is one). */
final class Machine {

    private Machine() {}

    /** Prints the JVM, its GC and heap, the machine and its load. */
    static void print() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
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
    }

    /** The load averages of the machine (all processes). */
    static String loadAverage() {
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
}
