package io.camelopenclaw.client.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential reconnect backoff with jitter: initial x 2^attempt, capped, a fraction of it randomised. */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private final double jitter;

    public Backoff(Duration initial, Duration max, double jitter) {
        this.initialMs = initial.toMillis();
        this.maxMs = Math.max(initial.toMillis(), max.toMillis());
        this.jitter = jitter;
    }

    /** The delay before reconnect attempt {@code attempt} (0-based). */
    public long delayMs(int attempt) {
        long base = initialMs << Math.min(attempt, 20);
        long capped = base <= 0 ? maxMs : Math.min(base, maxMs);
        long jitterSpan = (long) (capped * jitter);
        return capped
                - jitterSpan
                + (jitterSpan > 0 ? ThreadLocalRandom.current().nextLong(jitterSpan + 1) : 0);
    }
}
