package io.camelopenclaw.benchmark.peer;

import java.util.concurrent.CompletableFuture;

/** Starts one run of the peer workload without blocking; the future completes with the reply text. */
@FunctionalInterface
interface RunStarter {

    CompletableFuture<String> start(int session, int run);
}
