package io.camelopenclaw.testgateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.testgateway.AgentScript.Step;
import io.camelopenclaw.testgateway.TranscriptEntry.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays runs on one scheduler thread: admits them (idempotency, one run at a time per session, the rest queued),
 * steps through their scripts (pauses are scheduled, never slept), aborts them and answers {@code agent.wait}
 * without blocking. All run and session state lives on this thread, so it needs no locks; handlers hand work over
 * with {@link #execute(Runnable)}.
 */
final class RunEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
    private static final int SCRIPT_CACHE_SIZE = 256;

    private final GatewayConfig config;
    private final ScheduledExecutorService executor;
    private final SessionStore sessions;
    private final EventBroadcaster broadcaster;
    private final Faults faults;
    private final RunEvents events;
    private final RunEndEvents ends;
    private final RunResults results;
    private final DedupeStore runs = new DedupeStore();
    private final RunWaiters waiters;
    /** Scripts are a pure function of the message: recent ones are reused (least recently used dropped). */
    private final Map<String, AgentScript> scripts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AgentScript> eldest) {
            return size() > SCRIPT_CACHE_SIZE;
        }
    };

    RunEngine(
            GatewayConfig config,
            ScheduledExecutorService executor,
            SessionStore sessions,
            EventBroadcaster broadcaster,
            Faults faults,
            SessionViews views) {
        this.config = config;
        this.executor = executor;
        this.sessions = sessions;
        this.broadcaster = broadcaster;
        this.faults = faults;
        RunFrames frames = new RunFrames(config, broadcaster, views);
        this.events = new RunEvents(frames, broadcaster);
        this.ends = new RunEndEvents(frames);
        this.results = new RunResults(config);
        this.waiters = new RunWaiters(this::schedule, runId -> RunResults.waitExpired(runId, runs.find(runId)));
    }

    /** Runs a task on the engine thread; once the gateway has stopped, tasks are dropped. */
    void execute(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("gateway stopped, task dropped");
        }
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMs) {
        return executor.schedule(() -> guarded(task), delayMs, TimeUnit.MILLISECONDS);
    }

    /** Runs a task on the engine thread and waits for its result (for the test-facing accessors). */
    <T> T call(Callable<T> task) {
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return task.call();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        executor)
                .join();
    }

    /** {@code chat.send}: replays a known key, else acks {@code started} and runs (or queues) the message. */
    void chatSend(ClientConnection connection, String requestId, RunRequest request) {
        Run existing = runs.find(Run.Origin.CHAT_SEND, request.idempotencyKey());
        if (existing != null) {
            GatewayError failed = results.chatReplayError(existing);
            if (failed != null && existing.fingerprint.equals(request.fingerprint())) {
                connection.respondError(requestId, failed);
            } else {
                replay(connection, requestId, existing, request, results.chatReplay(existing));
            }
            return;
        }
        Run run = newRun(Run.Origin.CHAT_SEND, connection, null, request);
        connection.respond(requestId, RunResults.started(run));
        admit(run);
    }

    /** {@code agent}: replays a known key, else answers {@code accepted} now and the result when the run ends. */
    void agent(ClientConnection connection, String requestId, RunRequest request) {
        Run existing = runs.find(Run.Origin.AGENT, request.idempotencyKey());
        if (existing != null) {
            replay(
                    connection,
                    requestId,
                    existing,
                    request,
                    existing.finished() ? results.agentFinal(existing) : RunResults.inFlight(existing));
            return;
        }
        Run run = newRun(Run.Origin.AGENT, connection, requestId, request);
        connection.respond(requestId, results.accepted(run));
        events.task(run, "running", "unknown");
        admit(run);
    }

    /**
     * {@code chat.abort} / {@code sessions.abort}: aborts the given run, or the active and queued runs of the
     * session, then answers {@code {ok, aborted, runIds}}. Only the run's owner may abort it: the connection that
     * started it, a connection of the same device, or an admin ({@code unauthorized} otherwise). 2026.3.13 aborts only
     * {@code chat.send} runs this way: an {@code agent} run is not found ({@code aborted:false}).
     */
    void abort(ClientConnection connection, String requestId, String sessionKey, String runId) {
        List<Run> targets = new ArrayList<>();
        if (runId != null) {
            Run run = runs.find(runId);
            if (run != null && sessionKey != null && !run.session.key.equals(sessionKey)) {
                connection.respondError(requestId, GatewayError.invalidRequest("runId does not match sessionKey"));
                return;
            }
            if (run != null && !run.finished() && (config.v4() || run.chatSend())) {
                targets.add(run);
            }
        } else {
            live(sessions.find(sessionKey)).stream()
                    .filter(run -> config.v4() || run.chatSend())
                    .forEach(targets::add);
        }
        if (!targets.stream().allMatch(run -> RunOwners.mayAbort(connection, run))) {
            connection.respondError(requestId, GatewayError.invalidRequest("unauthorized"));
            return;
        }
        targets.forEach(this::abortRun);
        connection.respond(
                requestId,
                Json.write(Json.object()
                        .put("ok", true)
                        .put("aborted", !targets.isEmpty())
                        .set(
                                "runIds",
                                Json.array(
                                        targets.stream().map(run -> run.runId).toList()))));
    }

    /** Aborts the active and queued runs of a session (before it is reset or deleted). */
    void abortLive(Session session) {
        live(session).forEach(this::abortRun);
    }

    /** {@code agent.wait}: answers now when the run is over, else when it ends or the wait times out. */
    void waitFor(ClientConnection connection, String requestId, String runId, long timeoutMs) {
        Run run = runs.find(runId);
        if (run != null && run.finished() && run.settled) {
            connection.respond(requestId, results.waited(run));
            return;
        }
        if (timeoutMs <= 0) {
            connection.respond(requestId, RunResults.waitExpired(runId, run));
            return;
        }
        waiters.add(connection, requestId, runId, timeoutMs);
    }

    /** Aborts every live run without events: the gateway is going away. */
    void stopAll() {
        for (Session session : sessions.all()) {
            live(session).forEach(run -> {
                if (run.timer != null) {
                    run.timer.cancel(false);
                }
                run.status = Run.Status.ABORTED;
                run.endedAt = System.currentTimeMillis();
            });
            session.queue.clear();
            session.active = null;
        }
        waiters.clear();
    }

    /** The active run, then the queued ones, of a session (none for an unknown session). */
    private static List<Run> live(Session session) {
        List<Run> live = new ArrayList<>();
        if (session != null) {
            if (session.active != null) {
                live.add(session.active);
            }
            live.addAll(session.queue);
        }
        return live;
    }

    private Run newRun(Run.Origin origin, ClientConnection connection, String agentRequestId, RunRequest request) {
        Session session = sessions.getOrCreate(request.sessionKey(), connection.connect());
        AgentScript script = scripts.computeIfAbsent(
                request.message(),
                message -> AgentScript.forMessage(message, config.chunkDelay(), config.slowChunkDelay()));
        return new Run(origin, session, request, connection, agentRequestId, script);
    }

    private static void replay(
            ClientConnection connection, String requestId, Run existing, RunRequest request, String payload) {
        if (existing.fingerprint.equals(request.fingerprint())) {
            connection.respond(requestId, payload);
            return;
        }
        connection.respondError(
                requestId,
                GatewayError.invalidRequest("This message ID was already used for "
                                + "different input; send new input with a new idempotencyKey")
                        .details(Json.object()
                                .put("reason", "chat-request-conflict")
                                .put("runId", existing.runId)));
    }

    private void admit(Run run) {
        runs.add(run);
        Session session = run.session;
        if (session.active == null) {
            start(run);
        } else {
            session.queue.add(run);
        }
    }

    private void start(Run run) {
        Session session = run.session;
        session.active = run;
        run.status = Run.Status.RUNNING;
        run.startedAt = System.currentTimeMillis();
        run.dropAt = faults.takeDropAfterChunks();
        session.append(TranscriptEntry.user(run));
        events.firstRun();
        events.task(run, "running", "running");
        advance(run);
    }

    /** Performs the run's steps until one must wait (then schedules the rest) or the run ends. */
    private void advance(Run run) {
        List<Step> steps = run.script.steps();
        while (run.status == Run.Status.RUNNING && run.nextStep < steps.size()) {
            Step step = steps.get(run.nextStep);
            if (step.delayMs() > 0 && !run.delayServed) {
                run.delayServed = true;
                run.timer = schedule(() -> advance(run), step.delayMs());
                return;
            }
            run.delayServed = false;
            run.nextStep++;
            perform(run, step);
        }
    }

    private void perform(Run run, Step step) {
        switch (step.action()) {
            case PREPARE -> events.prepare(run);
            case START -> events.start(run);
            case MODEL -> events.model(run);
            case THINK -> events.thinking(run, step.text());
            case TEXT -> {
                run.appendText(step.text(), step.replace());
                events.text(run, step.text(), step.replace(), step.lastText());
                if (run.textChunks == run.dropAt) {
                    broadcaster.dropAll();
                }
            }
            case TOOL -> events.tool(run);
            case SILENT_RETRY -> events.silentRetry(run);
            case FINISH -> {
                end(run, Run.Status.OK);
                if (faults.takeDropRunEnd()) {
                    broadcaster.dropping(() -> ends.finish(run));
                } else {
                    ends.finish(run);
                }
                if (!run.script.silent()) {
                    run.session.append(TranscriptEntry.reply(Kind.REPLY, run, run.endedAt, null));
                }
                complete(run);
            }
            case FAIL -> {
                run.errorMessage = run.script.errorMessage();
                end(run, Run.Status.ERROR);
                ends.fail(run);
                run.session.append(TranscriptEntry.reply(Kind.ERROR, run, run.endedAt, run.errorMessage));
                complete(run);
            }
        }
    }

    /** Aborts one run: its aborted events now, the late lifecycle events after the abort response. */
    private void abortRun(Run run) {
        boolean started = run.status == Run.Status.RUNNING;
        if (run.timer != null) {
            run.timer.cancel(false);
        }
        run.session.queue.remove(run);
        end(run, Run.Status.ABORTED);
        ends.aborted(run, started);
        if (started) {
            execute(() -> ends.afterAbort(run));
            recordAbort(run);
        }
        complete(run);
    }

    /** The transcript after an abort: v4 adds the injected partial; 2026.3.x also keeps the aborted turn. */
    private void recordAbort(Run run) {
        Session session = run.session;
        TranscriptEntry partial = TranscriptEntry.reply(Kind.ABORT_PARTIAL, run, run.endedAt, null);
        if (config.v4()) {
            if (!run.text().isEmpty()) {
                session.append(partial);
            }
            return;
        }
        if (!run.text().isEmpty()) {
            session.insertBeforeUserOf(run.runId, partial);
        }
        session.append(TranscriptEntry.reply(Kind.ABORTED_REPLY, run, run.endedAt, "Request was aborted"));
    }

    private static void end(Run run, Run.Status status) {
        run.status = status;
        run.endedAt = System.currentTimeMillis();
    }

    /** Settles a terminal run: session lane, task ledger, the final {@code agent} response, waiters, the queue. */
    private void complete(Run run) {
        Session session = run.session;
        session.lastRun = run;
        session.updatedAt = run.endedAt;
        if (session.active == run) {
            session.active = null;
        }
        if (run.status == Run.Status.OK) {
            session.inputTokens += run.inputTokens();
            session.outputTokens += run.outputTokens();
        }
        events.task(run, taskStatus(run), "finished");
        if (!run.chatSend() && run.starter.isOpen()) {
            run.starter.respond(run.agentRequestId, results.agentFinal(run));
        }
        runs.finished(run);
        if (!config.v4() && run.chatSend() && !config.settleDelay().isZero()) {
            schedule(() -> settle(run), config.settleDelay().toMillis());
        } else {
            settle(run);
        }
        execute(() -> startNext(session));
    }

    /** The run's idempotency entry is written: replays and {@code agent.wait} see its outcome from now on. */
    private void settle(Run run) {
        run.settled = true;
        waiters.answer(run.runId, () -> results.waited(run));
    }

    private void startNext(Session session) {
        if (session.active == null && !session.queue.isEmpty()) {
            start(session.queue.poll());
        }
    }

    private static String taskStatus(Run run) {
        return switch (run.status) {
            case ERROR -> "failed";
            case ABORTED -> "cancelled";
            default -> "completed";
        };
    }

    /** Runs an engine task with its frames batched per connection ({@link WriteBatch}); failures are logged. */
    private static void guarded(Runnable task) {
        WriteBatch.run(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("test gateway task failed", e);
            }
        });
    }
}
