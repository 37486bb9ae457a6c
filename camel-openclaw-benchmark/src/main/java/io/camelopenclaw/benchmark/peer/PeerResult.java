package io.camelopenclaw.benchmark.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON line a peer prints (peer-bench README): {@code {client, C, R, runsPerSec, p50ms, p99ms, wallMs, cpuPct,
 * cpuUsPerRun, gwCpuPct, gwUsPerRun, errors}} rounded like bench-common.mjs, plus {@code auth} (how the peer
 * authenticated). The gateway fields are left out when the gateway's CPU was not measured.
 */
record PeerResult(
        String client,
        int concurrency,
        int runs,
        long[] sortedLatencyNanos,
        CpuClock.Window window,
        int errors,
        String auth) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latency at quantile {@code q} in milliseconds, picked like bench-common.mjs (no interpolation). */
    static double percentileMillis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = Math.min(sortedNanos.length - 1, (int) Math.floor(q * sortedNanos.length));
        return round(sortedNanos[i] / 1e6, 3);
    }

    String toJson() {
        double wallMs = window.wallNanos() / 1e6;
        ObjectNode line = JSON.createObjectNode()
                .put("client", client)
                .put("C", concurrency)
                .put("R", runs)
                .put("runsPerSec", Math.round(runs / wallMs * 1000))
                .put("p50ms", percentileMillis(sortedLatencyNanos, 0.5))
                .put("p99ms", percentileMillis(sortedLatencyNanos, 0.99))
                .put("wallMs", Math.round(wallMs))
                .put("cpuPct", Math.round(window.cpuNanos() / 1e6 / wallMs * 100))
                .put("cpuUsPerRun", Math.round(window.cpuNanos() / 1e3 / runs));
        if (window.gatewayCpuMillis() != null) {
            line.put("gwCpuPct", Math.round(window.gatewayCpuMillis() / wallMs * 100))
                    .put("gwUsPerRun", Math.round(window.gatewayCpuMillis() * 1000.0 / runs));
        }
        return line.put("errors", errors).put("auth", auth).toString();
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
