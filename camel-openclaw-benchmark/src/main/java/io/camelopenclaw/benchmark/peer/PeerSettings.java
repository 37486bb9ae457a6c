package io.camelopenclaw.benchmark.peer;

import java.util.Map;

/**
 * Arguments ({@code C R}) and environment of a peer run, as the peer bench's runners pass them: GW_URL, TOKEN, GW_PID
 * (optional), MODE ({@code camel} or {@code client}), WARMUP (default R/10, rounded up) and WORKER_POOL_SIZE (the
 * camel peer's {@code workerPoolSize}; default: the component's).
 */
record PeerSettings(
        int concurrency,
        int runs,
        int warmup,
        String gatewayUrl,
        String token,
        Long gatewayPid,
        String mode,
        Integer workerPoolSize) {

    static PeerSettings of(String[] args, Map<String, String> env) {
        int c = Integer.parseInt(args.length > 0 ? args[0] : env.getOrDefault("C", "16"));
        int r = Integer.parseInt(args.length > 1 ? args[1] : env.getOrDefault("R", "10000"));
        String warmup = env.get("WARMUP");
        String mode = env.getOrDefault("MODE", "");
        if (!mode.equals("camel") && !mode.equals("client")) {
            throw new IllegalArgumentException("MODE must be camel or client, got '" + mode + "'");
        }
        if (c < 1 || r < 1) {
            throw new IllegalArgumentException("C and R must be positive, got " + c + " and " + r);
        }
        String pid = env.get("GW_PID");
        String pool = env.get("WORKER_POOL_SIZE");
        return new PeerSettings(
                c,
                r,
                warmup != null ? Integer.parseInt(warmup) : (r + 9) / 10,
                env.getOrDefault("GW_URL", "ws://127.0.0.1:28799"),
                env.getOrDefault("TOKEN", "fake-token"),
                pid == null || pid.isBlank() ? null : Long.valueOf(pid),
                mode,
                pool == null || pool.isBlank() ? null : Integer.valueOf(pool));
    }

    @Override
    public String toString() {
        return "C=" + concurrency + ", R=" + runs + ", warm-up " + warmup + " runs, gateway " + gatewayUrl
                + (gatewayPid != null ? " (pid " + gatewayPid + ")" : "")
                + (workerPoolSize != null ? ", workerPoolSize " + workerPoolSize : "");
    }
}
