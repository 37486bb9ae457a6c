package io.camelopenclaw.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

/** One gateway process, with {@link FakeGatewayMain} standing in for openclaw. */
@DisabledOnOs(OS.WINDOWS)
@Timeout(60)
class GatewayProcessTest {

    /** Unique per run, so that a log that outlived earlier runs cannot hold it. */
    private static final String TOKEN = "secret-token-" + UUID.randomUUID();

    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private FakeGateway fake;
    private int port;
    private GatewayProcess process;

    @BeforeEach
    void setUp() {
        fake = FakeGateway.in(dir);
        port = FakeGateway.freePort();
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.kill();
        }
    }

    @Test
    void runsGatewayRunOnThePortWithTheCredentialsInTheEnvironmentAndStopsWithItsChildren() throws Exception {
        process = start(fake.command(), "serve");
        process.awaitReady(TOKEN, null, READY, GRACE);

        assertThat(process.isAlive()).isTrue();
        assertThat(fake.argv(process.pid())).isEqualTo("gateway run --port " + port + " --bind loopback");
        Map<String, String> env = fake.environment(process.pid());
        assertThat(env)
                .containsEntry("OPENCLAW_GATEWAY_TOKEN", TOKEN)
                .containsEntry("OPENCLAW_NO_RESPAWN", "1")
                .containsEntry("NO_COLOR", "1");
        long child = fake.childOf(process.pid());
        assertThat(FakeGateway.isAlive(child)).isTrue();

        process.stop(GRACE);

        assertThat(process.isAlive()).isFalse();
        assertThat(FakeGateway.isAlive(child)).isFalse();
        assertThat(process.exit().get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aKillEndsTheProcessTreeAndCompletesTheExit() throws Exception {
        process = start(fake.command(), "serve");
        process.awaitReady(TOKEN, null, READY, GRACE);
        long child = fake.childOf(process.pid());

        process.kill();

        assertThat(process.exit().get(10, TimeUnit.SECONDS)).isEqualTo(137);
        assertThat(FakeGateway.isAlive(child)).isFalse();
    }

    @Test
    void anEarlyExitFailsWithTheOutputTailButNeverTheToken() {
        process = start(fake.command(), "exit");

        assertThatThrownBy(() -> process.awaitReady(TOKEN, null, READY, GRACE))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("exited with code 3 before it was ready")
                .hasMessageContaining("boom: token <redacted> rejected")
                .hasMessageNotContaining(TOKEN)
                .satisfies(
                        e -> assertThat(((GatewayStartException) e).logTail()).doesNotContain(TOKEN));
    }

    @Test
    void aGatewayNotReadyInTimeIsStoppedWithTheProcessesItStarted() throws Exception {
        process = start(fake.command(), "mute");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve(process.pid() + ".child")));
        long child = fake.childOf(process.pid());

        assertThatThrownBy(() -> process.awaitReady(TOKEN, null, Duration.ofSeconds(2), GRACE))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("was not ready within 2 s");
        assertThat(process.isAlive()).isFalse();
        assertThat(FakeGateway.isAlive(child)).isFalse();
    }

    @Test
    void aCommandThatCannotRunFailsTyped() {
        assertThatThrownBy(() -> start(
                        GatewayCommand.parse(dir.resolve("no-such-openclaw").toString()), "serve"))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("Cannot run")
                .hasMessageContaining("no-such-openclaw");
    }

    @Test
    void anInstallationFromTheCacheRunsWithItsNodeFirstOnThePath() throws Exception {
        OpenClawInstallation installation = FakeInstallation.create(dir.resolve("cache"), "2026.9.6", fake.script());

        process = start(GatewayCommand.of(installation), "serve");
        process.awaitReady(TOKEN, null, READY, GRACE);

        assertThat(fake.argv(process.pid()))
                .startsWith(installation.entrypoint().toString() + " gateway run");
        assertThat(fake.environment(process.pid()).get("PATH")).startsWith(installation.nodeBinDir() + ":");
    }

    @Test
    void theOutputIsLoggedWithTheSecretsRedacted() throws Exception {
        process = start(fake.command(), "serve");
        process.awaitReady(TOKEN, null, READY, GRACE);
        Path log = Path.of("target/camel-openclaw-test.log");
        String line =
                "[openclaw-gateway-" + port + "] fake gateway " + process.pid() + " starting with token <redacted>";

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains(line));
        assertThat(Files.readString(log)).doesNotContain(TOKEN);
        assertThat(process.outputTail())
                .contains("starting with token <redacted>")
                .doesNotContain(TOKEN);
    }

    private GatewayProcess start(GatewayCommand command, String mode) {
        return GatewayProcess.start(
                command,
                port,
                dir,
                env -> {
                    env.put("OPENCLAW_GATEWAY_TOKEN", TOKEN);
                    env.put("FAKE_GATEWAY_MODE", mode);
                },
                List.of(TOKEN));
    }
}
