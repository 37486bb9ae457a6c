package io.camelopenclaw.component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/** Completes exchanges from gateway answers, on a Camel worker thread and never on the client's event thread. */
final class GatewayReplies {

    private GatewayReplies() {}

    /**
     * When {@code reply} completes, hands the answer to {@code onReply} (or sets the failure as the exchange's
     * exception) on the executor, then calls {@code callback.done(false)}.
     */
    static <T> void completeWhenDone(
            CompletableFuture<T> reply,
            Executor executor,
            Exchange exchange,
            AsyncCallback callback,
            Consumer<T> onReply) {
        reply.whenComplete((value, error) -> new OrderedHandOff(executor).submit(done -> {
            if (error != null) {
                exchange.setException(unwrap(error));
            } else {
                try {
                    onReply.accept(value);
                } catch (RuntimeException e) {
                    exchange.setException(e);
                }
            }
            callback.done(false);
            return true;
        }));
    }

    /** The cause behind a future's {@link CompletionException} or {@link ExecutionException}. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
