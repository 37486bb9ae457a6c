package io.camelopenclaw.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes care of a local OpenClaw gateway, in the manner of ClawX's gateway manager. {@link #start()} reuses a gateway
 * that already answers on the port; otherwise it starts one (installing the configured release from npm first, if
 * one is configured) and waits until it is ready. A gateway it started is watched: when the process ends, or fails
 * {@value #PROBE_FAILURES_TO_RESTART} health probes in a row (it is then killed), it is started again after a delay
 * that doubles with every restart that follows closely on the last one, up to the maximum. {@link #stop()} stops what
 * this instance started, and only that. Connections to the gateway reconnect by themselves meanwhile.
 * <p>
 * Restarts, health probes and exit handling run on the given scheduler; {@link #start()} and {@link #stop()} block
 * the calling thread. Neither logs nor exceptions show the token or password.
 */
public final class ManagedGateway {

    /** Consecutive failed health probes after which a gateway counts as hung and is killed to be restarted. */
    public static final int PROBE_FAILURES_TO_RESTART = 3;
    /** A gateway that ran this long before it died is restarted after the initial delay again. */
    static final Duration STABLE_AFTER = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(ManagedGateway.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final ManagedGatewayOptions options;
    private final ScheduledExecutorService scheduler;

    private ManagedGatewayState state = ManagedGatewayState.STOPPED;
    private GatewayCommand command;
    private GatewayProcess process;
    private long readySince;
    private int restarts;
    private int quickRestarts;
    private int probeFailures;
    private Integer lastExitCode;
    private String lastError;
    private ScheduledFuture<?> restartTask;
    private ScheduledFuture<?> healthTask;

    public ManagedGateway(ManagedGatewayOptions options, ScheduledExecutorService scheduler) {
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Reuses the gateway answering on the port, or starts one and waits until it is ready.
     *
     * @throws GatewayStartException     if the port is taken by something that is not a gateway, or the gateway exits
     *                                   or is not ready within the startup timeout (it is stopped again)
     * @throws OpenClawInstallException  if installing the configured release fails
     * @throws IllegalStateException     if already started
     */
    public void start() {
        synchronized (this) {
            if (state != ManagedGatewayState.STOPPED) {
                throw new IllegalStateException("The managed gateway on port " + options.port() + " is " + state);
            }
            state = ManagedGatewayState.STARTING;
        }
        try {
            GatewayProbe.Result found =
                    GatewayProbe.probe(options.url(), PROBE_TIMEOUT).join();
            if (found == GatewayProbe.Result.ANSWERING) {
                reuse();
                return;
            }
            if (found == GatewayProbe.Result.NOT_ANSWERING) {
                throw new GatewayStartException(
                        "Port " + options.port() + " is taken by something that does not"
                                + " answer as an OpenClaw gateway (no connect.challenge within "
                                + PROBE_TIMEOUT.toSeconds()
                                + " s); stop it or configure another gateway URL",
                        "(not started)");
            }
            GatewayCommand resolved = resolveCommand();
            GatewayProcess started = launch(resolved);
            started.awaitReady(options.token(), options.password(), options.startupTimeout(), options.stopTimeout());
            synchronized (this) {
                command = resolved;
                process = started;
                becameReady(started);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                state = ManagedGatewayState.STOPPED;
                lastError = summary(e);
            }
            throw e;
        }
    }

    /** Stops the gateway this instance started, if any (SIGTERM, then SIGKILL after the stop timeout). */
    public void stop() {
        GatewayProcess running;
        synchronized (this) {
            if (state == ManagedGatewayState.STOPPED) {
                return;
            }
            state = ManagedGatewayState.STOPPED;
            cancel(restartTask);
            cancel(healthTask);
            running = process;
            process = null;
        }
        if (running != null) {
            running.stop(options.stopTimeout());
        }
    }

    public synchronized ManagedGatewayStatus status() {
        return new ManagedGatewayStatus(
                state, options.port(), process == null ? null : process.pid(), restarts, lastExitCode, lastError);
    }

    public ManagedGatewayOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "ManagedGateway[" + options.url() + ", " + status() + "]";
    }

    private void reuse() {
        synchronized (this) {
            state = ManagedGatewayState.REUSED;
        }
        LOG.info(
                "An OpenClaw gateway already answers on {}: using it. It was not started here, so it is neither"
                        + " watched, restarted nor stopped by camel-openclaw",
                options.url());
    }

    private GatewayCommand resolveCommand() {
        return options.installation()
                .map(installation -> GatewayCommand.of(installation.install()))
                .orElse(options.command());
    }

    private GatewayProcess launch(GatewayCommand with) {
        List<String> secrets = new ArrayList<>();
        secrets.add(options.token());
        secrets.add(options.password());
        return GatewayProcess.start(with, options.port(), options.stateDir().orElse(null), this::environment, secrets);
    }

    private void environment(Map<String, String> env) {
        if (options.token() != null) {
            env.put("OPENCLAW_GATEWAY_TOKEN", options.token());
        }
        if (options.password() != null) {
            env.put("OPENCLAW_GATEWAY_PASSWORD", options.password());
        }
        options.stateDir().ifPresent(dir -> env.put("OPENCLAW_STATE_DIR", dir.toString()));
        env.putAll(options.environment());
    }

    /** Guarded by this. */
    private void becameReady(GatewayProcess ready) {
        state = ManagedGatewayState.RUNNING;
        readySince = System.nanoTime();
        probeFailures = 0;
        lastError = null;
        ready.exit().thenAcceptAsync(code -> exited(ready, code), scheduler);
        long interval = options.healthCheckInterval().toMillis();
        if (interval > 0) {
            healthTask =
                    scheduler.scheduleWithFixedDelay(() -> probe(ready), interval, interval, TimeUnit.MILLISECONDS);
        }
        LOG.info("OpenClaw gateway process {} ready on {}", ready.pid(), options.url());
    }

    private synchronized void exited(GatewayProcess ended, int code) {
        if (ended != process || state != ManagedGatewayState.RUNNING) {
            return;
        }
        cancel(healthTask);
        process = null;
        lastExitCode = code;
        if (System.nanoTime() - readySince >= STABLE_AFTER.toNanos()) {
            quickRestarts = 0;
        }
        state = ManagedGatewayState.RESTARTING;
        scheduleRestart(
                "OpenClaw gateway process " + ended.pid() + " on port " + options.port() + " exited with code " + code);
    }

    /** Guarded by this. */
    private void scheduleRestart(String why) {
        long delay = Math.min(
                options.restartInitialDelay().toMillis() << Math.min(quickRestarts++, 20),
                options.restartMaxDelay().toMillis());
        LOG.warn("{}; starting it again in {} ms", why, delay);
        restartTask = scheduler.schedule(this::restart, delay, TimeUnit.MILLISECONDS);
    }

    private void restart() {
        GatewayProcess started;
        synchronized (this) {
            if (state != ManagedGatewayState.RESTARTING) {
                return;
            }
            restarts++;
            try {
                started = launch(command);
            } catch (GatewayStartException e) {
                lastError = summary(e);
                scheduleRestart("Restarting the OpenClaw gateway failed (" + lastError + ")");
                return;
            }
            process = started;
        }
        started.ready(options.token(), options.password(), options.startupTimeout())
                .whenCompleteAsync((ready, error) -> restarted(started, error), scheduler);
    }

    private void restarted(GatewayProcess started, Throwable error) {
        synchronized (this) {
            if (started != process || state != ManagedGatewayState.RESTARTING) {
                return; // stopped meanwhile
            }
            if (error == null) {
                becameReady(started);
                return;
            }
            process = null;
            lastError = summary(
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        }
        started.stop(options.stopTimeout());
        synchronized (this) {
            if (state == ManagedGatewayState.RESTARTING) {
                scheduleRestart("The restarted OpenClaw gateway did not become ready (" + lastError + ")");
            }
        }
    }

    private void probe(GatewayProcess watched) {
        GatewayProbe.probe(
                        options.url(),
                        PROBE_TIMEOUT.compareTo(options.healthCheckInterval()) < 0
                                ? PROBE_TIMEOUT
                                : options.healthCheckInterval())
                .thenAcceptAsync(result -> probed(watched, result), scheduler);
    }

    private void probed(GatewayProcess watched, GatewayProbe.Result result) {
        synchronized (this) {
            if (watched != process || state != ManagedGatewayState.RUNNING) {
                return;
            }
            if (result == GatewayProbe.Result.ANSWERING) {
                probeFailures = 0;
                return;
            }
            if (++probeFailures < PROBE_FAILURES_TO_RESTART) {
                return;
            }
            LOG.warn(
                    "OpenClaw gateway process {} on port {} failed {} health probes in a row ({}); killing it to"
                            + " start it again",
                    watched.pid(),
                    options.port(),
                    probeFailures,
                    result);
            cancel(healthTask);
        }
        watched.kill(); // its exit restarts it
    }

    /** The first line of the error's message: what went wrong, without the gateway output it may append. */
    private static String summary(Throwable error) {
        String message = String.valueOf(error.getMessage());
        int end = message.indexOf(System.lineSeparator());
        return end < 0 ? message : message.substring(0, end);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
