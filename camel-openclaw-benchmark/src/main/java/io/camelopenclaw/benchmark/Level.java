package io.camelopenclaw.benchmark;

import java.util.Locale;
import java.util.Map;

/** What one closed-loop load level measured (all iterations together unless noted). */
final class Level {
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

    /** CPU microseconds per run of the threads of {@code role}. */
    double perRun(String role) {
        return cpuByRole.getOrDefault(role, 0L) / 1e3 / runs;
    }

    /** CPU microseconds per chunk of the threads of {@code role}, for runs of {@code chunks} chunks. */
    double perChunk(String role, int chunks) {
        return cpuByRole.getOrDefault(role, 0L) / 1e3 / (runs * (double) chunks);
    }

    String heapPerRunText() {
        return heapPerRun < 0 ? "–" : String.format(Locale.ROOT, "%,d B", heapPerRun);
    }

    String busyText() {
        return String.format(Locale.ROOT, "%.0f %% (%.0f %%)", machineBusy * 100, ownBusy * 100);
    }
}
