package io.camelopenclaw.gateway;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelopenclaw.client.GatewayProbe;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The managed gateway's life: reuse, start, watch, restart and stop, with {@link FakeGatewayMain} as openclaw. */
@DisabledOnOs(OS.WINDOWS)
@Timeout(120)
class ManagedGatewayTest {

    /** Unique per run, so that a log that outlived earlier runs cannot hold it. */
    private static final String TOKEN = "managed-token-" + UUID.randomUUID();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private FakeGateway fake;
    private int port;
    private ManagedGateway gateway;

    @BeforeEach
    void setUp() {
        fake = FakeGateway.in(dir);
        port = FakeGateway.freePort();
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.stop();
        }
        scheduler.shutdownNow();
    }

    @Test
    void startsAGatewayWhenNoneAnswersAndStopsWhatItStartedWithItsChildren() throws Exception {
        gateway = new ManagedGateway(options().build(), scheduler);

        gateway.start();

        ManagedGatewayStatus status = gateway.status();
        assertThat(status.state()).isEqualTo(ManagedGatewayState.RUNNING);
        assertThat(status.isUp()).isTrue();
        assertThat(status.restarts()).isZero();
        assertThat(status.port()).isEqualTo(port);
        long pid = status.pid();
        long child = fake.childOf(pid);
        assertThat(FakeGateway.isAlive(child)).isTrue();
        assertThat(probe()).isEqualTo(GatewayProbe.Result.ANSWERING);

        gateway.stop();

        assertThat(gateway.status().state()).isEqualTo(ManagedGatewayState.STOPPED);
        assertThat(gateway.status().pid()).isNull();
        assertThat(FakeGateway.isAlive(pid)).isFalse();
        assertThat(FakeGateway.isAlive(child)).isFalse();
        assertThat(probe()).isEqualTo(GatewayProbe.Result.NOT_LISTENING);
    }

    @Test
    void passesTheCredentialsStateFolderAndEnvironmentThroughTheEnvironmentOnly() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        gateway = new ManagedGateway(
                options()
                        .password("pass-word-0987")
                        .stateDir(state)
                        .environment(Map.of("MODEL_API_KEY", "k-1"))
                        .build(),
                scheduler);

        gateway.start();

        long pid = gateway.status().pid();
        assertThat(fake.argv(pid)).isEqualTo("gateway run --port " + port + " --bind loopback");
        assertThat(fake.environment(pid))
                .containsEntry("OPENCLAW_GATEWAY_TOKEN", TOKEN)
                .containsEntry("OPENCLAW_GATEWAY_PASSWORD", "pass-word-0987")
                .containsEntry("OPENCLAW_STATE_DIR", state.toString())
                .containsEntry("OPENCLAW_NO_RESPAWN", "1")
                .containsEntry("MODEL_API_KEY", "k-1");
        assertThat(ProcessHandle.of(pid).orElseThrow().info().commandLine().orElse(""))
                .doesNotContain(TOKEN);
    }

    @Test
    void reusesAGatewayAlreadyAnsweringAndLeavesItRunning() throws Exception {
        try (TestGateway running =
                TestGateway.builder().token(TOKEN).port(port).build().start()) {
            gateway = new ManagedGateway(options().build(), scheduler);

            gateway.start();

            assertThat(gateway.status().state()).isEqualTo(ManagedGatewayState.REUSED);
            assertThat(gateway.status().isUp()).isTrue();
            assertThat(gateway.status().pid()).isNull();
            assertThat(fake.started()).isZero();

            gateway.stop();

            assertThat(probe()).isEqualTo(GatewayProbe.Result.ANSWERING);
        }
    }

    @Test
    void aPortTakenBySomethingElseFailsTheStartAndStartsNothing() throws Exception {
        try (ServerSocket silent = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            gateway = new ManagedGateway(options().build(), scheduler);

            assertThatThrownBy(gateway::start)
                    .isInstanceOf(GatewayStartException.class)
                    .hasMessageContaining(
                            "Port " + port + " is taken by something that does not answer as an" + " OpenClaw gateway");
            assertThat(gateway.status().state()).isEqualTo(ManagedGatewayState.STOPPED);
            assertThat(fake.started()).isZero();
        }
    }

    @Test
    void aGatewayThatExitsAtStartFailsTheStartTypedWithItsOutputButNeverTheToken() throws Exception {
        fake.mode("exit");
        gateway = new ManagedGateway(options().build(), scheduler);

        assertThatThrownBy(gateway::start)
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("exited with code 3 before it was ready")
                .hasMessageContaining("boom: token <redacted> rejected")
                .hasMessageNotContaining(TOKEN);
        ManagedGatewayStatus status = gateway.status();
        assertThat(status.state()).isEqualTo(ManagedGatewayState.STOPPED);
        assertThat(status.lastError()).contains("exited with code 3").doesNotContain(TOKEN);
    }

    @Test
    void restartsAGatewayThatDiesWithADelayThatDoublesWhileItKeepsDying() throws Exception {
        gateway = new ManagedGateway(
                options().restartInitialDelay(Duration.ofMillis(100)).build(), scheduler);
        gateway.start();
        long first = gateway.status().pid();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        long second = awaitRunningOtherThan(first);
        ManagedGatewayStatus status = gateway.status();
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.lastExitCode()).isEqualTo(137);
        assertThat(probe()).isEqualTo(GatewayProbe.Result.ANSWERING);

        ProcessHandle.of(second).orElseThrow().destroyForcibly();

        awaitRunningOtherThan(second);
        assertThat(gateway.status().restarts()).isEqualTo(2);
        String log = Files.readString(Path.of("target/camel-openclaw-test.log"));
        assertThat(log)
                .contains("process " + first + " on port " + port + " exited with code 137; starting it again"
                        + " in 100 ms")
                .contains("process " + second + " on port " + port + " exited with code 137; starting it again in"
                        + " 200 ms");
    }

    @Test
    void keepsRestartingWhileRestartsFailAndRecoversOnceTheGatewayStartsAgain() throws Exception {
        gateway = new ManagedGateway(
                options()
                        .restartInitialDelay(Duration.ofMillis(50))
                        .restartMaxDelay(Duration.ofMillis(200))
                        .build(),
                scheduler);
        gateway.start();
        long first = gateway.status().pid();
        fake.mode("exit");

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await().atMost(WAIT).until(() -> gateway.status().restarts() >= 2);
        ManagedGatewayStatus failing = gateway.status();
        assertThat(failing.state()).isEqualTo(ManagedGatewayState.RESTARTING);
        assertThat(failing.isUp()).isFalse();
        assertThat(failing.lastError()).contains("exited with code 3").doesNotContain(TOKEN);

        fake.mode("serve");

        awaitRunningOtherThan(first);
        assertThat(gateway.status().lastError()).isNull();
    }

    @Test
    void killsAndRestartsAGatewayThatStopsAnsweringHealthProbes() throws Exception {
        gateway = new ManagedGateway(
                options()
                        .healthCheckInterval(Duration.ofMillis(200))
                        .restartInitialDelay(Duration.ofMillis(100))
                        .build(),
                scheduler);
        gateway.start();
        long hung = gateway.status().pid();

        fake.silence(hung);

        awaitRunningOtherThan(hung);
        assertThat(FakeGateway.isAlive(hung)).isFalse();
        assertThat(gateway.status().restarts()).isEqualTo(1);
        assertThat(gateway.status().lastExitCode()).isEqualTo(137);
    }

    @Test
    void stopCancelsAPendingRestart() throws Exception {
        gateway = new ManagedGateway(
                options().restartInitialDelay(Duration.ofSeconds(5)).build(), scheduler);
        gateway.start();
        ProcessHandle.of(gateway.status().pid()).orElseThrow().destroyForcibly();
        await().atMost(WAIT).until(() -> gateway.status().state() == ManagedGatewayState.RESTARTING);

        gateway.stop();
        scheduler.shutdown(); // delayed tasks still run after shutdown unless they were cancelled
        assertThat(scheduler.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(fake.started()).isEqualTo(1);
        assertThat(gateway.status().state()).isEqualTo(ManagedGatewayState.STOPPED);
    }

    @Test
    void optionsNeedALoopbackWebSocketAddressWithAPortAndNeverShowSecrets() {
        for (String bad :
                new String[] {"ws://example.com:18789", "wss://127.0.0.1:18789", "ws://127.0.0.1", "tcp://127.0.0.1:1"
                }) {
            assertThatThrownBy(() -> ManagedGatewayOptions.builder(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ManagedGatewayOptions.builder("http://localhost:18789")
                        .build()
                        .url())
                .isEqualTo(URI.create("ws://localhost:18789"));
        assertThat(ManagedGatewayOptions.builder("ws://[::1]:18789").build().port())
                .isEqualTo(18789);
        ManagedGatewayOptions.Builder builder = ManagedGatewayOptions.builder("ws://127.0.0.1:18789");
        assertThatThrownBy(() -> builder.startupTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.healthCheckInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.token(TOKEN).build().toString())
                .doesNotContain(TOKEN)
                .contains("auth=token");
    }

    private ManagedGatewayOptions.Builder options() {
        return ManagedGatewayOptions.builder("ws://127.0.0.1:" + port)
                .token(TOKEN)
                .command(fake.command())
                .startupTimeout(Duration.ofSeconds(30))
                .stopTimeout(Duration.ofSeconds(5));
    }

    private long awaitRunningOtherThan(long pid) {
        await().atMost(WAIT)
                .until(() -> gateway.status().state() == ManagedGatewayState.RUNNING
                        && gateway.status().pid() != pid);
        return gateway.status().pid();
    }

    private GatewayProbe.Result probe() {
        return GatewayProbe.probe(URI.create("ws://127.0.0.1:" + port), Duration.ofSeconds(5))
                .join();
    }
}
