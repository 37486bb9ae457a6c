package io.camelopenclaw.client.connection;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices a gateway that went quiet: the gateway sends a {@code tick} every {@code tickIntervalMs}, so no inbound
 * frame for twice that means the socket is dead even if TCP has not noticed. Checks run on the dispatcher thread.
 */
final class TickWatchdog {

    private final ScheduledExecutorService timer;
    private final SerialDispatcher dispatcher;
    private volatile long lastInboundNanos = System.nanoTime();
    private ScheduledFuture<?> check;

    TickWatchdog(ScheduledExecutorService timer, SerialDispatcher dispatcher) {
        this.timer = timer;
        this.dispatcher = dispatcher;
    }

    /** A frame arrived (any thread). */
    void inbound() {
        lastInboundNanos = System.nanoTime();
    }

    /** Starts watching; {@code onSilence} gets the silent milliseconds when the gateway is quiet for too long. */
    void start(long tickMs, SilenceHandler onSilence) {
        stop();
        if (tickMs <= 0) {
            return;
        }
        check = timer.scheduleAtFixedRate(
                () -> dispatcher.execute(() -> {
                    long silentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastInboundNanos);
                    if (silentMs > 2 * tickMs) {
                        onSilence.silentFor(silentMs);
                    }
                }),
                tickMs,
                tickMs,
                TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    /** What to do about a gateway that has been silent for too long. */
    @FunctionalInterface
    interface SilenceHandler {
        void silentFor(long silentMs);
    }
}
