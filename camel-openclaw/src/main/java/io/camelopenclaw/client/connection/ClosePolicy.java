package io.camelopenclaw.client.connection;

import io.camelopenclaw.client.api.GatewayClientOptions;

/**
 * What a closed socket means and when to try again: a connection that needs an operator is retried slowly, a close
 * 1002 (protocol mismatch) needs an operator, other closes are retried with exponential backoff and jitter — or after
 * the delay the gateway asked for ({@code shutdown.restartExpectedMs}, an {@code UNAVAILABLE} answer's
 * {@code retryAfterMs}, clamped as the gateway's startup phase asks) — until {@code maxReconnectAttempts} is used up.
 */
final class ClosePolicy {

    /** The next step after a close. */
    enum Action {
        /** Reconnect after the delay. */
        RECONNECT,
        /** The gateway refuses this client until an operator acts: try again after the (long) delay. */
        AWAIT_OPERATOR,
        /** The gateway closed with 1002: the protocol does not fit; an operator must act. */
        PROTOCOL_MISMATCH,
        /** Every reconnect attempt is used up: close for good. */
        GIVE_UP
    }

    /** An action and the delay before it. */
    record Decision(Action action, long delayMs) {}

    private static final long STARTUP_HINT_MIN_MS = 100;
    private static final long STARTUP_HINT_MAX_MS = 2000;

    private final GatewayClientOptions options;
    private final Backoff backoff;
    private int failedAttempts;
    private Long retryHintMs;

    ClosePolicy(GatewayClientOptions options) {
        this.options = options;
        this.backoff =
                new Backoff(options.reconnectInitialDelay(), options.reconnectMaxDelay(), options.reconnectJitter());
    }

    /** A new attempt starts: hints of the last one no longer apply. */
    void attemptStarted() {
        retryHintMs = null;
    }

    /** A {@code hello-ok}: the attempts start over. */
    void connected() {
        failedAttempts = 0;
    }

    /** The gateway said when it will be back ({@code shutdown.restartExpectedMs}); {@code null} for no hint. */
    void restartExpected(Long delayMs) {
        retryHintMs = delayMs;
    }

    /** A retryable refusal's {@code retryAfterMs}, clamped to what the gateway's startup phase asks for. */
    void retryAfter(Long delayMs) {
        retryHintMs = delayMs == null ? null : Math.max(STARTUP_HINT_MIN_MS, Math.min(STARTUP_HINT_MAX_MS, delayMs));
    }

    /** A refusal that needs an operator, with the gateway's hint as it is. */
    void operatorHint(Long delayMs) {
        retryHintMs = delayMs;
    }

    /**
     * Decides after a close.
     *
     * @param needsOperator the connection already waits for an operator
     * @param refused       the gateway refused the connect (a close 1002 then is its answer, not a mismatch)
     */
    Decision afterClose(int code, boolean needsOperator, boolean refused) {
        long operatorDelay = options.operatorActionRetryDelay().toMillis();
        if (needsOperator) {
            return new Decision(Action.AWAIT_OPERATOR, Math.max(operatorDelay, retryHintMs == null ? 0 : retryHintMs));
        }
        if (code == 1002 && !refused) {
            return new Decision(Action.PROTOCOL_MISMATCH, operatorDelay);
        }
        failedAttempts++;
        if (options.maxReconnectAttempts() > 0 && failedAttempts > options.maxReconnectAttempts()) {
            return new Decision(Action.GIVE_UP, 0);
        }
        return new Decision(Action.RECONNECT, retryHintMs != null ? retryHintMs : backoff.delayMs(failedAttempts - 1));
    }
}
