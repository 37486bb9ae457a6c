package io.camelopenclaw.testgateway;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for a running {@link TestGateway}, obtained from {@link TestGateway#faults()}. Actions
 * ({@code dropConnections}, {@code sendMalformedFrame}, {@code sendOversizedFrame}, {@code skipSeq}) act at once on
 * the authenticated connections; counted faults ({@code startupUnavailable}, {@code authRateLimited},
 * {@code dropConnectionsAfterChunks}, {@code dropNextRunEnd}, {@code failNextRequest}) arm the next connects or the next run; switches ({@code stopTicking},
 * {@code requirePairing}, {@code clearScopes}) hold until undone or {@link #reset()}.
 */
public final class Faults {

    private final EventBroadcaster connections;
    private final AtomicInteger startupUnavailable = new AtomicInteger();
    private final AtomicInteger authRateLimited = new AtomicInteger();
    private final AtomicInteger dropAfterChunks = new AtomicInteger(-1);
    private final AtomicInteger dropRunEnds = new AtomicInteger();
    private final Set<String> failingMethods = ConcurrentHashMap.newKeySet();
    private volatile boolean tickingStopped;
    private volatile boolean pairingRequired;
    private volatile boolean scopesCleared;

    Faults(EventBroadcaster connections) {
        this.connections = connections;
    }

    /** Closes every authenticated socket abruptly: no close frame, so clients see 1006. The gateway keeps running. */
    public void dropConnections() {
        connections.dropAll();
    }

    /** Drops every connection (as {@link #dropConnections()}) once the next run has streamed {@code n} chunks. */
    public void dropConnectionsAfterChunks(int n) {
        dropAfterChunks.set(n);
    }

    /**
     * The end of the next run that completes (lifecycle end, the last chat delta, chat final) reaches no client, as
     * if the gateway had dropped those events for a slow consumer: their sequence numbers are used up, so the next
     * event a client receives shows the gap.
     */
    public void dropNextRunEnd() {
        dropRunEnds.incrementAndGet();
    }

    /** The next valid request of {@code method} is answered with {@code UNAVAILABLE} instead of being handled. */
    public void failNextRequest(String method) {
        failingMethods.add(method);
    }

    /** Stops the {@code tick} events until {@link #resumeTicking()}. */
    public void stopTicking() {
        tickingStopped = true;
    }

    public void resumeTicking() {
        tickingStopped = false;
    }

    /**
     * The next {@code count} connects fail with retryable {@code UNAVAILABLE} ({@code startup-sidecars},
     * {@code retryAfterMs:500}) and close 1013 "gateway starting".
     */
    public void startupUnavailable(int count) {
        startupUnavailable.set(count);
    }

    /** Sends a text frame that is not JSON to every authenticated connection. */
    public void sendMalformedFrame() {
        connections.sendTextToAll("this is not json {");
    }

    /** Sends every authenticated connection a {@code tick} event padded to at least {@code bytes} bytes. */
    public void sendOversizedFrame(int bytes) {
        String padding = "x".repeat(bytes);
        connections.broadcast(
                "tick", Json.utf8("{\"ts\":" + System.currentTimeMillis() + ",\"padding\":\"" + padding + "\"}"));
    }

    /** Makes the next event of every connection skip {@code n} sequence numbers (a gap). */
    public void skipSeq(int n) {
        connections.skipSeq(n);
    }

    /**
     * Turns silent local pairing off: connects with a device that is not paired yet get {@code NOT_PAIRED}
     * {@code PAIRING_REQUIRED} (close 1008) until the request is approved with
     * {@link TestGateway#approvePairing(String)}.
     */
    public void requirePairing() {
        pairingRequired = true;
    }

    /** Every following connect is granted no scopes at all. */
    public void clearScopes() {
        scopesCleared = true;
    }

    /** The next connect fails with {@code AUTH_RATE_LIMITED} (retryable, close 1008). */
    public void authRateLimited() {
        authRateLimited(1);
    }

    /** The next {@code count} connects fail with {@code AUTH_RATE_LIMITED}. */
    public void authRateLimited(int count) {
        authRateLimited.set(count);
    }

    /** Disarms every fault. */
    public void reset() {
        startupUnavailable.set(0);
        authRateLimited.set(0);
        dropAfterChunks.set(-1);
        dropRunEnds.set(0);
        failingMethods.clear();
        tickingStopped = false;
        pairingRequired = false;
        scopesCleared = false;
    }

    boolean takeStartupUnavailable() {
        return take(startupUnavailable);
    }

    boolean takeAuthRateLimited() {
        return take(authRateLimited);
    }

    /** Whether this request is to fail (and disarms the fault for its method). */
    boolean takeFailedRequest(String method) {
        return failingMethods.remove(method);
    }

    /** Whether the end of the run completing now is to be dropped (and disarms it). */
    boolean takeDropRunEnd() {
        return take(dropRunEnds);
    }

    /** The armed chunk count for the run starting now (and disarms it), or -1. */
    int takeDropAfterChunks() {
        return dropAfterChunks.getAndSet(-1);
    }

    boolean tickingStopped() {
        return tickingStopped;
    }

    boolean pairingRequired() {
        return pairingRequired;
    }

    boolean scopesCleared() {
        return scopesCleared;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
