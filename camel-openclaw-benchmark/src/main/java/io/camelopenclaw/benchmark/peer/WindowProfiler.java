package io.camelopenclaw.benchmark.peer;

import java.io.IOException;

import one.profiler.AsyncProfiler;

/**
 * Samples the measured window only (not the warm-up) with async-profiler when PROFILE names an output file: CPU
 * samples (PROFILE_EVENT, default {@code cpu}; {@code itimer} where perf events are not allowed) of every thread,
 * written as collapsed stacks with the thread name as the first frame (src/peer/cpu-shares.mjs sums them up).
 */
final class WindowProfiler {

    private final AsyncProfiler profiler;
    private final String file;

    private WindowProfiler(AsyncProfiler profiler, String file) {
        this.profiler = profiler;
        this.file = file;
    }

    /** Starts sampling, or returns null when PROFILE is not set. */
    static WindowProfiler startIfRequested(String file, String event) throws IOException {
        if (file == null || file.isBlank()) {
            return null;
        }
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        profiler.execute("start,event=" + (event == null || event.isBlank() ? "cpu" : event) + ",interval=1ms,threads");
        return new WindowProfiler(profiler, file);
    }

    void stop() throws IOException {
        profiler.execute("stop,collapsed,file=" + file);
        System.err.println("profile of the measured window written to " + file);
    }
}
