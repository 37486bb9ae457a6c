package io.camelopenclaw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Process supervision, tested with a stand-in for node (no npm, no real gateway). */
@DisabledOnOs(OS.WINDOWS)
@Timeout(60)
class OpenClawGatewayProcessTest {

    private static final String TOKEN = "secret-token-1234567890";

    @TempDir
    Path cache;
    @TempDir
    Path state;

    @Test
    void startsWaitsForReadyzAndStopsTheProcessWithItsChildren() throws Exception {
        OpenClawGatewayProcess gateway = OpenClawGatewayProcess.start(config(FakeInstallation.fakeGatewayScript())
                .stateDir(state).build());
        try {
            assertThat(gateway.isRunning()).isTrue();
            assertThat(gateway.url().toString()).isEqualTo("ws://127.0.0.1:" + gateway.port());
            assertThat(gateway.token()).isEqualTo(TOKEN);
            assertThat(gateway.toString()).doesNotContain(TOKEN).contains("running");
            long child = childPid(state);
            assertThat(isAlive(child)).isTrue();

            gateway.stop();

            assertThat(gateway.isRunning()).isFalse();
            assertThat(isAlive(child)).isFalse();
        } finally {
            gateway.close();
        }
    }

    @Test
    void restartsOnTheSamePortAndRecoversFromAKill() throws Exception {
        try (OpenClawGatewayProcess gateway = OpenClawGatewayProcess.start(
                config(FakeInstallation.fakeGatewayScript()).stateDir(state).build())) {
            int port = gateway.port();

            gateway.restart();
            assertThat(gateway.isRunning()).isTrue();
            assertThat(gateway.port()).isEqualTo(port);

            long child = childPid(state);
            gateway.kill();
            assertThat(gateway.isRunning()).isFalse();
            assertThat(isAlive(child)).isFalse();

            gateway.restart();
            assertThat(gateway.isRunning()).isTrue();
            assertThat(Files.readString(gateway.logFile())).contains("fake gateway listening on " + port);
        }
    }

    @Test
    void closeDeletesATemporaryStateFolderAndForbidsRestart() throws Exception {
        OpenClawGatewayProcess gateway = OpenClawGatewayProcess.start(config(FakeInstallation.fakeGatewayScript())
                .build());
        Path stateDir = gateway.stateDir();
        assertThat(stateDir.resolve("openclaw.json")).exists();

        gateway.close();

        assertThat(stateDir).doesNotExist();
        assertThatThrownBy(gateway::restart).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void earlyExitFailsWithTheLogTailButNeverTheToken() throws Exception {
        String script = "echo \"$*\" > argv.txt\necho \"boom: token $OPENCLAW_GATEWAY_TOKEN rejected\"\nexit 3";

        assertThatThrownBy(() -> OpenClawGatewayProcess.start(config(script).stateDir(state).build()))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("boom: token <redacted> rejected")
                .hasMessageNotContaining(TOKEN)
                .satisfies(e -> assertThat(((GatewayStartException) e).logTail()).doesNotContain(TOKEN));
        assertThat(Files.readString(state.resolve("argv.txt")))
                .contains("gateway run --port").contains("--bind loopback --auth token").doesNotContain(TOKEN);
    }

    @Test
    void notReadyInTimeStopsTheProcessTree() throws Exception {
        String script = "sleep 300 &\necho $! > child.pid\nwait";

        assertThatThrownBy(() -> OpenClawGatewayProcess.start(config(script).stateDir(state)
                .startupTimeout(Duration.ofSeconds(2)).build()))
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("was not ready within 2 s");
        assertThat(isAlive(childPid(state))).isFalse();
    }

    @Test
    void runsIsolatedInTheStateFolderWithTheOfflineEnvironment() throws Exception {
        String script = "env > env.txt\nexit 1";

        assertThatThrownBy(() -> OpenClawGatewayProcess.start(config(script).stateDir(state)
                .environment("EXTRA_SETTING", "42").build())).isInstanceOf(GatewayStartException.class);

        Map<String, String> env = Files.readAllLines(state.resolve("env.txt")).stream()
                .filter(line -> line.contains("=")).map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
        assertThat(env).containsEntry("HOME", state.resolve("home").toString())
                .containsEntry("OPENCLAW_HOME", state.resolve("home").toString())
                .containsEntry("OPENCLAW_STATE_DIR", state.toString())
                .containsEntry("OPENCLAW_CONFIG_PATH", state.resolve("openclaw.json").toString())
                .containsEntry("OPENCLAW_GATEWAY_TOKEN", TOKEN)
                .containsEntry("XDG_CONFIG_HOME", state.resolve("home/.config").toString())
                .containsEntry("XDG_CACHE_HOME", state.resolve("home/.cache").toString())
                .containsEntry("EXTRA_SETTING", "42");
        for (String flag : List.of("OPENCLAW_SKIP_CHANNELS", "OPENCLAW_DISABLE_BONJOUR", "OPENCLAW_NO_RESPAWN",
                "OPENCLAW_NO_AUTO_UPDATE", "OPENCLAW_SKIP_CRON", "OPENCLAW_SKIP_BROWSER_CONTROL_SERVER",
                "OPENCLAW_SKIP_GMAIL_WATCHER", "DO_NOT_TRACK")) {
            assertThat(env).containsEntry(flag, "1");
        }
        assertThat(env).containsEntry("OPENCLAW_EXEC_SHELL_SNAPSHOT", "0");
        assertThat(Arrays.asList(env.get("PATH").split(":")).get(0))
                .isEqualTo(OpenClawInstallation.of("2026.9.6", cache).nodeBinDir().toString());
        assertThat(state.resolve("openclaw.json")).exists();
    }

    private GatewayProcessConfig.Builder config(String nodeScript) throws Exception {
        return GatewayProcessConfig.builder()
                .installation(FakeInstallation.create(cache, "2026.9.6", nodeScript))
                .modelBaseUrl("http://127.0.0.1:9/v1")
                .token(TOKEN)
                .startupTimeout(Duration.ofSeconds(30));
    }

    private static long childPid(Path state) throws Exception {
        Path pidFile = state.resolve("child.pid");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
