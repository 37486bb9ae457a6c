package io.camelopenclaw.test.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelopenclaw.gateway.OpenClawInstallation;
import io.camelopenclaw.testgateway.model.StubModelServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real OpenClaw gateways for integration tests, started lazily on first use and shared by all tests of the JVM
 * (stopped by a shutdown hook): {@link #v4()} runs openclaw 2026.9.6 (protocol v4) and {@link #v3()} openclaw
 * 2026.3.13 (protocol v3), each on a free loopback port with a random token and its own {@link StubModelServer}.
 * The first use installs Node 24 and the release into the cache folder ({@code $OPENCLAW_CACHE_DIR} or
 * {@code ~/.cache/camel-openclaw}), which takes about a minute per release.
 * <p>
 * System properties: {@value #V4_VERSION_PROPERTY}, {@value #V3_VERSION_PROPERTY} (releases),
 * {@value #WORK_DIR_PROPERTY} (a fresh state folder with the logs per gateway and run, default
 * {@code target/real-gateways}),
 * {@value #STARTUP_TIMEOUT_PROPERTY} (seconds, default 180). A gateway that a test killed is started again by the
 * next lookup; a gateway that failed to start fails every later lookup at once with the same cause.
 */
public final class RealGateways {

    public static final String V4_VERSION_PROPERTY = "openclaw.it.v4.version";
    public static final String V3_VERSION_PROPERTY = "openclaw.it.v3.version";
    public static final String WORK_DIR_PROPERTY = "openclaw.it.work.dir";
    public static final String STARTUP_TIMEOUT_PROPERTY = "openclaw.it.startup.timeout.seconds";
    public static final String DEFAULT_V4_VERSION = "2026.9.6";
    public static final String DEFAULT_V3_VERSION = "2026.3.13";

    private static final Logger LOG = LoggerFactory.getLogger(RealGateways.class);
    private static final Map<String, RealGateway> RUNNING = new LinkedHashMap<>();
    private static final Map<String, RuntimeException> FAILED = new LinkedHashMap<>();
    private static boolean shutdownHookAdded;

    private RealGateways() {}

    /** The shared protocol-v4 gateway (openclaw 2026.9.6 unless {@value #V4_VERSION_PROPERTY} says otherwise). */
    public static RealGateway v4() {
        return gateway("v4", System.getProperty(V4_VERSION_PROPERTY, DEFAULT_V4_VERSION));
    }

    /** The shared protocol-v3 gateway (openclaw 2026.3.13 unless {@value #V3_VERSION_PROPERTY} says otherwise). */
    public static RealGateway v3() {
        return gateway("v3", System.getProperty(V3_VERSION_PROPERTY, DEFAULT_V3_VERSION));
    }

    private static synchronized RealGateway gateway(String name, String version) {
        if (FAILED.containsKey(name)) {
            throw new IllegalStateException(
                    "The " + name + " gateway (openclaw@" + version + ") failed to start earlier", FAILED.get(name));
        }
        RealGateway gateway = RUNNING.get(name);
        if (gateway == null) {
            addShutdownHook();
            try {
                gateway = start(name, version);
            } catch (RuntimeException e) {
                FAILED.put(name, e);
                throw e;
            }
            RUNNING.put(name, gateway);
        } else if (!gateway.process().isRunning()) {
            LOG.info("The {} gateway is not running (killed by a test?); starting it again", name);
            gateway.restart();
        }
        return gateway;
    }

    private static RealGateway start(String name, String version) {
        OpenClawInstallation installation = OpenClawInstallation.of(version);
        Path stateDir = newStateDir(name + "-" + version + "-");
        long started = System.nanoTime();
        installation.install();
        long installed = System.nanoTime();
        StubModelServer model = StubModelServer.start();
        try {
            OfflineGateway process = OfflineGateway.builder(installation)
                    .modelBaseUrl(model.baseUrl())
                    .stateDir(stateDir)
                    .startupTimeout(Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 180)))
                    .start();
            LOG.info(
                    "Real gateway {} = openclaw@{} ready on {}: install (or cache check) {} ms, first start {} ms",
                    name,
                    version,
                    process.url(),
                    (installed - started) / 1_000_000,
                    (System.nanoTime() - installed) / 1_000_000);
            return new RealGateway(name, process, model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static void addShutdownHook() {
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(RealGateways::stopAll, "real-gateways-shutdown"));
            shutdownHookAdded = true;
        }
    }

    private static synchronized void stopAll() {
        for (RealGateway gateway : RUNNING.values()) {
            try {
                gateway.process().close();
            } finally {
                gateway.model().close();
            }
        }
        RUNNING.clear();
    }

    /**
     * A new state folder for a gateway of this JVM, in {@value #WORK_DIR_PROPERTY} (default
     * {@code target/real-gateways}).
     */
    public static Path newStateDir(String prefix) {
        Path workDir = Paths.get(System.getProperty(WORK_DIR_PROPERTY, "target/real-gateways"))
                .toAbsolutePath();
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state folder in " + workDir, e);
        }
    }
}
