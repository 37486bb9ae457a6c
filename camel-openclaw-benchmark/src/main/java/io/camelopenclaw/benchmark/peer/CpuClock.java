package io.camelopenclaw.benchmark.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time as the peer bench counts it: this process's own (all threads, GC and JIT included, like Node's
 * {@code process.cpuUsage()}), and another local process's utime + stime from {@code /proc/<pid>/stat}.
 */
final class CpuClock {

    /** Linux clock ticks per second; the Node drivers assume 100 Hz too. */
    private static final long TICK_MILLIS = 10;

    private CpuClock() {}

    /** Wall time, this process's CPU time and (when measured) the gateway's CPU time of one measurement window. */
    record Window(long wallNanos, long cpuNanos, Long gatewayCpuMillis) {}

    /** A started measurement window. */
    static final class Stopwatch {
        private final Long gatewayPid;
        private final Long gateway0;
        private final long cpu0;
        private final long start;

        private Stopwatch(Long gatewayPid) {
            this.gatewayPid = gatewayPid;
            this.gateway0 = gatewayPid == null ? null : processCpuMillis(gatewayPid);
            this.cpu0 = processCpuNanos();
            this.start = System.nanoTime();
        }

        Window stop() {
            long wall = System.nanoTime() - start;
            long cpu = processCpuNanos() - cpu0;
            return new Window(wall, cpu, gatewayPid == null ? null : processCpuMillis(gatewayPid) - gateway0);
        }
    }

    /** Starts a window; the gateway's CPU is measured too when {@code gatewayPid} is not null. */
    static Stopwatch start(Long gatewayPid) {
        return new Stopwatch(gatewayPid);
    }

    /** CPU time of this process in nanoseconds. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of process {@code pid} in milliseconds. */
    static long processCpuMillis(long pid) {
        try {
            return cpuMillisOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of process " + pid, e);
        }
    }

    /**
     * utime + stime in milliseconds from the text of {@code /proc/<pid>/stat}: fields 14 and 15, counted after the
     * command name in parentheses (which may itself hold spaces and parentheses).
     */
    static long cpuMillisOfStat(String stat) {
        int end = stat.lastIndexOf(") ");
        if (end < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 2).trim().split(" ");
        if (fields.length < 13) {
            throw new IllegalArgumentException("Too few fields in /proc/<pid>/stat: " + stat);
        }
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
    }
}
