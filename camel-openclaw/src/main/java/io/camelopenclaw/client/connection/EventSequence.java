package io.camelopenclaw.client.connection;

/**
 * Tells which delivered event is the first after missed ones: after a reconnect, after events this client dropped
 * (a full hand-off), and — on protocol 4, whose {@code seq} counts per connection — after a jump in {@code seq}
 * (the gateway's slow-consumer drops use up numbers too). Protocol 3 numbers events across all connections, so its
 * jumps mean nothing. Confined to the dispatcher thread.
 */
final class EventSequence {

    private Long expected;
    private boolean gapPending;
    private String lastJump;

    /** A new connection: numbering starts over; after a reconnect its first event is a gap. */
    void restart(boolean afterReconnect) {
        expected = null;
        gapPending = afterReconnect;
    }

    /**
     * Accounts for a delivered event and tells whether events were missed before it.
     *
     * @param seq            its frame {@code seq}, or {@code null}
     * @param countsSeq      whether {@code seq} counts per connection (protocol 4)
     * @param droppedLocally whether events were dropped here since the last delivery
     */
    boolean next(Long seq, boolean countsSeq, boolean droppedLocally) {
        boolean gap = gapPending | droppedLocally;
        gapPending = false;
        lastJump = null;
        if (seq != null && countsSeq) {
            if (expected != null && seq > expected) {
                lastJump = "expected " + expected + ", received " + seq;
                gap = true;
            }
            expected = seq + 1;
        }
        return gap;
    }

    /** The {@code seq} jump of the last event ({@code expected N, received M}), or {@code null}. */
    String lastJump() {
        return lastJump;
    }
}
