package io.camelopenclaw.gateway;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenClaw gateway running as a child process, {@code <command> gateway run --port P --bind loopback}: its output
 * logged with the secrets redacted (see {@link #outputTail()}), its exit observable, and stopped together with the
 * processes it started. Credentials reach it through the environment, never on the command line. The gateway runs
 * with {@code OPENCLAW_NO_RESPAWN=1}, so that it restarts in-process instead of handing off to a new process.
 */
public final class GatewayProcess {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayProcess.class);
    /** How long the exit waits for the last output lines after the process ended. */
    private static final long OUTPUT_DRAIN_MILLIS = 1000;

    private final Process process;
    private final int port;
    private final GatewayOutput output;
    private final CompletableFuture<Integer> exit;

    private GatewayProcess(Process process, int port, GatewayOutput output) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.exit = process.onExit()
                .thenCompose(ended -> output.finished()
                        .completeOnTimeout(null, OUTPUT_DRAIN_MILLIS, TimeUnit.MILLISECONDS)
                        .thenApply(drained -> ended.exitValue()));
    }

    /**
     * Starts a gateway; returns at once (it is not ready yet, see {@link #ready}).
     *
     * @param workingDirectory the process's working folder, {@code null} for this JVM's
     * @param environment      edits the environment the process inherits from this JVM
     * @param secrets          values never to show in logs and messages (tokens, passwords)
     * @throws GatewayStartException if the command cannot be run
     */
    public static GatewayProcess start(
            GatewayCommand command,
            int port,
            Path workingDirectory,
            Consumer<Map<String, String>> environment,
            Collection<String> secrets) {
        ProcessBuilder builder = new ProcessBuilder(command.gatewayRun(port)).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Map<String, String> env = builder.environment();
        command.pathPrefix().ifPresent(prefix -> {
            String path = env.get("PATH");
            env.put("PATH", prefix + (path == null || path.isEmpty() ? "" : File.pathSeparator + path));
        });
        env.put("OPENCLAW_NO_RESPAWN", "1");
        env.remove("FORCE_COLOR");
        env.put("NO_COLOR", "1");
        environment.accept(env);
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new GatewayStartException(
                    "Cannot run '" + command + "' to start an OpenClaw gateway (is it installed"
                            + " and on the PATH?): " + e.getMessage(),
                    "(not started)",
                    e);
        }
        String name = "openclaw-gateway-" + port;
        LOG.info("Started OpenClaw gateway process {} on port {}: {} gateway run", process.pid(), port, command);
        return new GatewayProcess(process, port, GatewayOutput.pump(name, process.getInputStream(), secrets));
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes with the exit code once the process has ended and its last output lines are logged. */
    public CompletableFuture<Integer> exit() {
        return exit.copy();
    }

    /**
     * Completes once the gateway is ready to serve clients (see {@link GatewayReadiness}); fails with a
     * {@link GatewayStartException} if the process exits first or the gateway is not ready within {@code timeout}.
     *
     * @param token    the token to check readiness with, or {@code null}
     * @param password the password to check readiness with, or {@code null}
     */
    public CompletableFuture<Void> ready(String token, String password, Duration timeout) {
        CompletableFuture<Void> ready =
                GatewayReadiness.await(URI.create("ws://127.0.0.1:" + port), token, password, timeout);
        exit.thenAccept(code -> ready.completeExceptionally(new GatewayStartException(
                "The OpenClaw gateway process " + pid() + " on port " + port + " exited with code " + code
                        + " before it was ready",
                outputTail())));
        return ready.exceptionallyCompose(error -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            return CompletableFuture.failedFuture(
                    cause instanceof TimeoutException
                            ? new GatewayStartException(
                                    "The OpenClaw gateway process " + pid() + " on port " + port
                                            + " was not ready within " + timeout.toSeconds() + " s",
                                    outputTail())
                            : cause);
        });
    }

    /**
     * Blocks until the gateway is {@linkplain #ready ready}; if it is not, stops it (waiting up to {@code stopGrace}
     * after SIGTERM) and throws.
     *
     * @throws GatewayStartException if the process exits first, the gateway is not ready in time, or the wait is
     *                               interrupted
     */
    public void awaitReady(String token, String password, Duration timeout, Duration stopGrace) {
        try {
            ready(token, password, timeout).get();
        } catch (ExecutionException e) {
            stop(stopGrace);
            throw e.getCause() instanceof GatewayStartException start
                    ? start
                    : new GatewayStartException(
                            "The OpenClaw gateway process " + pid() + " on port " + port + " did not become ready: "
                                    + e.getCause(),
                            outputTail(),
                            e.getCause());
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new GatewayStartException(
                    "Interrupted while waiting for the OpenClaw gateway process " + pid() + " on port " + port
                            + " to become ready",
                    outputTail(),
                    e);
        }
    }

    /** The last lines of the gateway's output, secrets redacted. */
    public String outputTail() {
        return output.tail();
    }

    /**
     * Stops the gateway: SIGTERM, up to {@code grace} for a clean shutdown, then SIGKILL; then ends the processes it
     * had started. Blocks until they are gone; does nothing if the process has ended.
     */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            ProcessTrees.terminate(process.toHandle(), grace);
            LOG.info("Stopped OpenClaw gateway process {} on port {}", process.pid(), port);
        }
    }

    /** SIGKILLs the gateway and the processes it started, like a crash. Does nothing if the process has ended. */
    public void kill() {
        if (process.isAlive()) {
            ProcessTrees.kill(process.toHandle());
            LOG.info("Killed OpenClaw gateway process {} on port {}", process.pid(), port);
        }
    }

    @Override
    public String toString() {
        return "GatewayProcess[pid " + process.pid() + ", port " + port + ", "
                + (process.isAlive() ? "running" : "exited") + "]";
    }
}
