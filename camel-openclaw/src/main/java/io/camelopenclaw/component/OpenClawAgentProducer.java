package io.camelopenclaw.component;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelopenclaw.client.run.AgentRun;
import io.camelopenclaw.client.run.AgentRunAbortedException;
import io.camelopenclaw.client.run.AgentRunException;
import io.camelopenclaw.client.run.AgentRunRequest;
import io.camelopenclaw.client.run.AgentRunResult;
import io.camelopenclaw.client.run.RunMethod;
import io.camelopenclaw.client.run.RunOutcome;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an agent per exchange ({@code chat.send} or {@code agent}) and completes the exchange with the aggregated reply.
 * Fully asynchronous: a run in flight holds no thread. Runs of one session key go one at a time in arrival order;
 * different sessions run concurrently. Stopping the producer aborts its runs; their exchanges fail with
 * {@link AgentRunAbortedException}.
 */
public class OpenClawAgentProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(OpenClawAgentProducer.class);

    static final String OPERATION_RUN = "run";
    static final String OPERATION_ABORT = "abort";

    private final OpenClawEndpoint endpoint;
    private final OpenClawConfiguration config;
    private final RunMethod runMethod;
    private final PayloadFormat payloadFormat;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final Set<RunCall> calls = ConcurrentHashMap.newKeySet();
    private SharedGatewayConnection connection;
    private StreamForwarder forwarder;
    private Executor executor;

    public OpenClawAgentProducer(OpenClawEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        this.runMethod = config.getRunMethod();
        this.payloadFormat = config.getPayloadFormat();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = endpoint.getComponent().workerPool();
        if (config.getStreamTo() != null) {
            forwarder = new StreamForwarder(getEndpoint().getCamelContext(), config.getStreamTo());
            forwarder.start();
        }
        connection = endpoint.acquireConnection();
    }

    @Override
    protected void doStop() throws Exception {
        awaitAborts(List.copyOf(calls).stream().map(RunCall::abort).toArray(CompletableFuture[]::new));
        if (connection != null) {
            endpoint.releaseConnection(connection);
            connection = null;
        }
        if (forwarder != null) {
            forwarder.stop();
            forwarder = null;
        }
        super.doStop();
    }

    /**
     * Waits (at most the request timeout) until the aborted runs have ended, so their aborts reach the gateway before
     * this producer gives up a connection that may then close. A forced shutdown stops producers on an interrupted
     * thread: the wait happens anyway, and the interrupt is kept for the caller.
     */
    private void awaitAborts(CompletableFuture<?>[] aborts) {
        boolean interrupted = Thread.interrupted();
        try {
            CompletableFuture.allOf(aborts).get(config.getRequestTimeout(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Not every run of {} confirmed its abort: {}", endpoint, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        RunCall call;
        try {
            String sessionKey = exchange.getMessage()
                    .getHeader(OpenClawConstants.SESSION_KEY, config.getSessionKey(), String.class);
            String operation =
                    exchange.getMessage().getHeader(OpenClawConstants.OPERATION, OPERATION_RUN, String.class);
            if (OPERATION_ABORT.equals(operation)) {
                return abort(exchange, callback, sessionKey);
            }
            if (!OPERATION_RUN.equals(operation)) {
                throw new IllegalArgumentException(
                        "Unknown " + OpenClawConstants.OPERATION + " '" + operation + "': use run or abort");
            }
            RunResultMapper.clear(exchange); // no header of an earlier call may pass for this run's
            OrderedHandOff handOff = new OrderedHandOff(executor);
            AgentRunRequest request = buildRequest(exchange, sessionKey, keys.keyFor(exchange), handOff);
            call = new RunCall(exchange, callback, request, handOff);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        calls.add(call);
        connection
                .sessions()
                .submit(connection.sessionQueueKey(call.request.sessionKey(), config.getAgentId()), call::start);
        return false;
    }

    /** Aborts the session's current run, or the run named by the run id header; the body is the gateway's answer. */
    private boolean abort(Exchange exchange, AsyncCallback callback, String sessionKey) {
        String runId = exchange.getMessage().getHeader(OpenClawConstants.RUN_ID, String.class);
        if (sessionKey == null && runId == null) {
            throw new IllegalArgumentException("The abort operation needs a session key (option sessionKey or header "
                    + OpenClawConstants.SESSION_KEY + ") or a run id (header "
                    + OpenClawConstants.RUN_ID + ")");
        }
        GatewayReplies.completeWhenDone(
                sessionKey != null
                        ? connection.client().abortSession(sessionKey, runId)
                        : connection.client().abortRunAnywhere(runId),
                executor,
                exchange,
                callback,
                reply -> exchange.getMessage().setBody(payloadFormat.toBody(reply)));
        return false;
    }

    /**
     * The run of an exchange; chunks, when forwarded ({@code streamTo}), go through the exchange's hand-off so that
     * they are routed in order and before the exchange completes.
     */
    private AgentRunRequest buildRequest(Exchange exchange, String sessionKey, String key, OrderedHandOff handOff)
            throws Exception {
        AgentMessageReader.AgentMessage message = AgentMessageReader.read(exchange);
        AgentRunRequest.Builder builder = AgentRunRequest.builder(message.text())
                .sessionKey(sessionKey)
                .idempotencyKey(key)
                .method(runMethod)
                .agentId(config.getAgentId())
                .thinking(config.getThinking())
                .deliver(config.isDeliver() ? Boolean.TRUE : null)
                .extraSystemPrompt(config.getExtraSystemPrompt())
                .suppressCommandInterpretation(config.isSuppressCommandInterpretation());
        builder.attachments(message.attachments());
        if (config.getRunTimeout() > 0) {
            builder.runTimeout(Duration.ofMillis(config.getRunTimeout()));
        }
        if (config.getIdleTimeout() > 0) {
            builder.idleTimeout(Duration.ofMillis(config.getIdleTimeout()));
        }
        StreamForwarder chunks = forwarder;
        if (chunks != null) {
            builder.chunkListener(chunk -> handOff.submit(chunks.step(chunk, sessionKey)));
        }
        return builder.build();
    }

    /** One exchange's run: queued in its session, started, completed on a Camel thread. */
    private final class RunCall {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final AgentRunRequest request;
        private final OrderedHandOff handOff;
        private final AtomicBoolean finished = new AtomicBoolean();
        private AgentRun run;
        private boolean aborted;

        RunCall(Exchange exchange, AsyncCallback callback, AgentRunRequest request, OrderedHandOff handOff) {
            this.exchange = exchange;
            this.callback = callback;
            this.request = request;
            this.handOff = handOff;
        }

        /**
         * Starts the run (it waits for the connection itself); the stage completes when the run has ended, before the
         * exchange is handed on, so that the session is free when the route sends its next message.
         */
        CompletableFuture<?> start() {
            synchronized (this) {
                if (finished.get() || aborted) {
                    return CompletableFuture.completedFuture(null);
                }
                run = connection.client().startRun(request);
            }
            CompletableFuture<Void> ended = new CompletableFuture<>();
            run.result().whenComplete((result, error) -> {
                ended.complete(null);
                finish(result, error);
            });
            return ended;
        }

        /**
         * Aborts the run on the gateway, or fails the exchange at once when the run has not started; completes when
         * the run has ended.
         */
        CompletableFuture<Void> abort() {
            AgentRun started;
            synchronized (this) {
                aborted = true;
                started = run;
            }
            if (started != null) {
                return started.abort();
            }
            finish(null, notStarted());
            return CompletableFuture.completedFuture(null);
        }

        private AgentRunAbortedException notStarted() {
            return new AgentRunAbortedException(AgentRunResult.builder(request.idempotencyKey(), RunOutcome.ABORTED)
                    .sessionKey(request.sessionKey())
                    .error(null, "producer stopped before the run started")
                    .build());
        }

        private void finish(AgentRunResult result, Throwable error) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            calls.remove(this);
            handOff.submit(done -> {
                complete(result, GatewayReplies.unwrap(error));
                callback.done(false);
                return true;
            });
        }

        private void complete(AgentRunResult result, Throwable error) {
            if (error == null) {
                keys.completed(exchange, result.runId());
                RunResultMapper.apply(exchange, result);
                return;
            }
            if (error instanceof AgentRunException failed && failed.result() != null) {
                RunResultMapper.applyFacts(exchange, failed.result());
            } else {
                exchange.getMessage().setHeader(OpenClawConstants.IDEMPOTENCY_KEY, request.idempotencyKey());
                exchange.getMessage().setHeader(OpenClawConstants.STATUS, RunOutcome.ERROR.label());
            }
            exchange.setException(error);
        }
    }
}
