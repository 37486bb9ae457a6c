package io.camelopenclaw.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real OpenClaw gateway running as a child process on a loopback port, isolated in its own state folder and
 * offline except for the configured model endpoint.
 * <p>
 * {@link #start(GatewayProcessConfig)} installs the release if needed, writes the config, starts
 * {@code node openclaw.mjs gateway run --port P --bind loopback --auth token} (the token is passed through the
 * config file and the environment, never on the command line) with stdout and stderr appended to {@link #logFile()},
 * and returns once {@code GET /readyz} answers 200. {@link #stop()}, {@link #kill()} and {@link #restart()} control
 * the process (and the processes it started); {@link #close()} stops it for good. Neither logs nor
 * {@link #toString()} show the token.
 */
public final class OpenClawGatewayProcess implements AutoCloseable {

    /** How long {@link #stop()} waits after SIGTERM before SIGKILL. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(OpenClawGatewayProcess.class);
    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(100);
    private static final int READY_REQUEST_TIMEOUT_MILLIS = 2000;

    private final GatewayProcessConfig config;
    private final Path stateDir;
    private final boolean temporaryStateDir;
    private final int port;
    private Process process;
    private boolean closed;

    private OpenClawGatewayProcess(GatewayProcessConfig config, Path stateDir, boolean temporaryStateDir, int port) {
        this.config = config;
        this.stateDir = stateDir;
        this.temporaryStateDir = temporaryStateDir;
        this.port = port;
    }

    /**
     * Installs the configured release if needed, starts the gateway and waits until it is ready.
     *
     * @throws OpenClawInstallException if the installation fails
     * @throws GatewayStartException    if the gateway exits early or is not ready within the startup timeout (the
     *                                  process is stopped; the state folder is kept for inspection)
     */
    public static OpenClawGatewayProcess start(GatewayProcessConfig config) {
        config.installation().install();
        Path stateDir;
        try {
            stateDir = config.stateDir().isPresent() ? config.stateDir().get()
                    : Files.createTempDirectory("openclaw-gateway-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state folder for the gateway", e);
        }
        int port = config.port() != 0 ? config.port() : freeLoopbackPort();
        OpenClawGatewayProcess gateway = new OpenClawGatewayProcess(config, stateDir, config.stateDir().isEmpty(), port);
        gateway.launch();
        return gateway;
    }

    /** The WebSocket URL, {@code ws://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    /** The HTTP base URL on the same port, {@code http://127.0.0.1:<port>}. */
    public URI httpUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The shared token clients authenticate with. */
    public String token() {
        return config.token();
    }

    public OpenClawVersion version() {
        return config.installation().version();
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The process's stdout and stderr, appended across restarts. */
    public Path logFile() {
        return stateDir.resolve("logs").resolve("gateway-console.log");
    }

    /** The gateway's own structured log ({@code logging.file}). */
    public Path gatewayLogFile() {
        return OfflineGatewayConfig.logFile(stateDir);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the gateway: SIGTERM, up to {@link #STOP_GRACE} for a clean shutdown, then SIGKILL; then ends the
     * processes it had started. Does nothing if it is not running.
     */
    public synchronized void stop() {
        if (isRunning()) {
            ProcessTrees.terminate(process.toHandle(), STOP_GRACE);
            LOG.info("Stopped openclaw@{} gateway on port {}", version(), port);
        }
    }

    /** SIGKILLs the gateway and the processes it started, like a crash. Does nothing if it is not running. */
    public synchronized void kill() {
        if (isRunning()) {
            ProcessTrees.kill(process.toHandle());
            LOG.info("Killed openclaw@{} gateway on port {}", version(), port);
        }
    }

    /**
     * Stops the gateway if it is running, then starts it again on the same port with the same state and token, and
     * waits until it is ready.
     *
     * @throws GatewayStartException if it does not become ready
     * @throws IllegalStateException if this gateway was closed
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("The gateway was closed: " + this);
        }
        stop();
        launch();
    }

    /** Stops the gateway for good and deletes its state folder if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (temporaryStateDir) {
            try {
                FileTrees.deleteRecursively(stateDir);
            } catch (IOException e) {
                LOG.warn("Cannot delete the gateway state folder {}: {}", stateDir, e.toString());
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "OpenClawGatewayProcess[openclaw@" + version() + ", " + url() + ", "
                + (closed ? "closed" : isRunning() ? "running" : "stopped") + ", state " + stateDir + "]";
    }

    private synchronized void launch() {
        long started = System.nanoTime();
        Path home = stateDir.resolve("home");
        Path console = logFile();
        try {
            for (Path dir : List.of(home, console.getParent(), stateDir.resolve("workspace"))) {
                Files.createDirectories(dir);
            }
            OfflineGatewayConfig.write(OfflineGatewayConfig.create(version(), port, token(), config.modelBaseUrl(),
                    stateDir), stateDir);
            Files.writeString(console, String.format("%n=== camel-openclaw: starting openclaw@%s on port %d at %s ===%n",
                    version(), port, Instant.now()), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the gateway state folder " + stateDir, e);
        }

        OpenClawInstallation installation = config.installation();
        ProcessBuilder builder = new ProcessBuilder(List.of(installation.nodeBinary().toString(),
                installation.entrypoint().toString(), "gateway", "run", "--port", String.valueOf(port), "--bind",
                "loopback", "--auth", "token"))
                .directory(stateDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("OPENCLAW_"));
        String path = env.get("PATH");
        env.put("PATH", installation.nodeBinDir() + (path == null ? "" : File.pathSeparator + path));
        env.put("HOME", home.toString());
        env.put("OPENCLAW_HOME", home.toString());
        env.put("OPENCLAW_STATE_DIR", stateDir.toString());
        env.put("OPENCLAW_CONFIG_PATH", stateDir.resolve(OfflineGatewayConfig.FILE_NAME).toString());
        env.put("OPENCLAW_GATEWAY_TOKEN", token());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("OPENCLAW_SKIP_CHANNELS", "1");
        env.put("OPENCLAW_DISABLE_BONJOUR", "1");
        env.put("OPENCLAW_NO_RESPAWN", "1");
        env.put("OPENCLAW_NO_AUTO_UPDATE", "1");
        env.put("OPENCLAW_SKIP_CRON", "1");
        env.put("OPENCLAW_EXEC_SHELL_SNAPSHOT", "0");
        env.put("OPENCLAW_SKIP_BROWSER_CONTROL_SERVER", "1");
        env.put("OPENCLAW_SKIP_GMAIL_WATCHER", "1");
        env.put("DO_NOT_TRACK", "1");
        env.remove("FORCE_COLOR");
        env.put("NO_COLOR", "1"); // plain text in the log file
        env.putAll(config.environment());

        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new GatewayStartException("Cannot start openclaw@" + version() + " with "
                    + installation.nodeBinary() + ": " + e.getMessage(), tail(), e);
        }
        awaitReady(System.nanoTime() + config.startupTimeout().toNanos());
        LOG.info("openclaw@{} gateway ready on {} after {} ms (state {})", version(), url(),
                (System.nanoTime() - started) / 1_000_000, stateDir);
    }

    private void awaitReady(long deadline) {
        URI readyz = httpUrl().resolve("/readyz");
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new GatewayStartException("openclaw@" + version() + " gateway on port " + port
                            + " exited with code " + process.exitValue() + " before it became ready (log: "
                            + logFile() + ")", tail());
                }
                if (isReady(readyz)) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    ProcessTrees.terminate(process.toHandle(), STOP_GRACE);
                    throw new GatewayStartException("openclaw@" + version() + " gateway on port " + port
                            + " was not ready within " + config.startupTimeout().toSeconds() + " s (log: "
                            + logFile() + ")", tail());
                }
                Thread.sleep(READY_POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            ProcessTrees.kill(process.toHandle());
            Thread.currentThread().interrupt();
            throw new GatewayStartException("Interrupted while waiting for openclaw@" + version() + " to start",
                    tail(), e);
        }
    }

    private static boolean isReady(URI readyz) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) readyz.toURL().openConnection();
            connection.setConnectTimeout(READY_REQUEST_TIMEOUT_MILLIS);
            connection.setReadTimeout(READY_REQUEST_TIMEOUT_MILLIS);
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            try (var body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return status == 200;
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private String tail() {
        return LogTail.of(logFile(), LogTail.DEFAULT_LINES, token());
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        }
    }
}
