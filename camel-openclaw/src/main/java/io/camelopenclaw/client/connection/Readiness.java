package io.camelopenclaw.client.connection;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.camelopenclaw.client.api.ConnectionState;
import io.camelopenclaw.client.api.ConnectionStatus;
import io.camelopenclaw.client.api.GatewayInfo;
import io.camelopenclaw.client.error.GatewayConnectionLostException;
import io.camelopenclaw.client.error.GatewayException;

/**
 * What the connection tells its users: the status, the future of the first {@code hello-ok}, and the readiness that
 * requests wait on — completed by each {@code hello-ok}, renewed when the socket closes, failed at once when the
 * gateway refuses in a way an operator must fix or the connection is closed for good.
 */
final class Readiness {

    private final Consumer<ConnectionStatus> onStatus;
    private final CompletableFuture<GatewayInfo> firstConnect = new CompletableFuture<>();
    private volatile ConnectionStatus status = new ConnectionStatus(ConnectionState.NEW, null, null);
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();

    Readiness(Consumer<ConnectionStatus> onStatus) {
        this.onStatus = onStatus;
    }

    ConnectionStatus status() {
        return status;
    }

    CompletableFuture<GatewayInfo> firstConnect() {
        return firstConnect;
    }

    /** The readiness requests wait on (completed while connected). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Why requests cannot be sent now (closed, or waiting for an operator), or {@code null}. */
    GatewayException unusable() {
        ConnectionStatus s = status;
        if (s.state() == ConnectionState.CLOSED) {
            return s.error() != null ? s.error() : new GatewayConnectionLostException(1000, "client closed");
        }
        return s.state() == ConnectionState.NEEDS_OPERATOR_ACTION ? s.error() : null;
    }

    void set(ConnectionState state, String reason, GatewayException error) {
        ConnectionStatus s = new ConnectionStatus(state, reason, error);
        status = s;
        onStatus.accept(s);
    }

    boolean needsOperator() {
        return status.state() == ConnectionState.NEEDS_OPERATOR_ACTION;
    }

    /** A {@code hello-ok}: connected, and the waiting requests go. */
    void connected(GatewayInfo hello, String reason) {
        set(ConnectionState.CONNECTED, reason, null);
        ready.complete(null);
        firstConnect.complete(hello);
    }

    /** The socket closed: requests made from now on wait for the next {@code hello-ok}. */
    void disconnected() {
        if (ready.isDone()) {
            ready = new CompletableFuture<>();
        }
    }

    /** The gateway refuses until an operator acts: waiting requests and the first connect fail now. */
    void needsOperator(GatewayException refusal) {
        set(ConnectionState.NEEDS_OPERATOR_ACTION, refusal.getMessage(), refusal);
        if (!ready.isDone()) {
            CompletableFuture<Void> waiting = ready;
            ready = new CompletableFuture<>();
            waiting.completeExceptionally(refusal);
        }
        firstConnect.completeExceptionally(refusal);
    }

    /** Closed for good (by the client, or after the last reconnect attempt). */
    void closed(String reason, GatewayException cause) {
        GatewayException failure = cause != null ? cause : new GatewayConnectionLostException(1000, "client closed");
        ready.completeExceptionally(failure);
        firstConnect.completeExceptionally(failure);
        set(ConnectionState.CLOSED, reason, cause);
    }
}
