package io.camelopenclaw.test.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelopenclaw.gateway.GatewayCommand;
import io.camelopenclaw.gateway.GatewayStartException;
import io.camelopenclaw.gateway.OpenClawVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offline gateway fixture with a stand-in for openclaw (a shell script): its config, environment and failures. */
@DisabledOnOs(OS.WINDOWS)
@Timeout(60)
class OfflineGatewayTest {

    /** Unique per run, so that a log that outlived earlier runs cannot hold it. */
    private static final String TOKEN = "fixture-token-" + UUID.randomUUID();

    @TempDir
    Path state;

    @TempDir
    Path bin;

    @Test
    void runsIsolatedInTheStateFolderWithTheOfflineConfigAndEnvironment() throws Exception {
        GatewayCommand command = script("env > env.txt\necho \"$*\" > argv.txt\nexit 1");

        assertThatThrownBy(() -> builder(command).start())
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("exited with code 1");

        Map<String, String> env = Files.readAllLines(state.resolve("env.txt")).stream()
                .filter(line -> line.contains("="))
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
        assertThat(env)
                .containsAllEntriesOf(OfflineGatewayConfig.environment(state))
                .containsEntry("HOME", state.resolve("home").toString())
                .containsEntry("OPENCLAW_STATE_DIR", state.toString())
                .containsEntry("OPENCLAW_GATEWAY_TOKEN", TOKEN)
                .containsEntry("OPENCLAW_SKIP_CHANNELS", "1");
        assertThat(Files.readString(state.resolve("argv.txt")))
                .contains("gateway run --port")
                .doesNotContain(TOKEN);
        assertThat(new ObjectMapper()
                        .readTree(state.resolve("openclaw.json").toFile())
                        .path("gateway")
                        .path("auth")
                        .path("token")
                        .asText())
                .isEqualTo(TOKEN);
    }

    @Test
    void aGatewayThatIsNotReadyInTimeFailsWithTheOutputTailButNeverTheToken() throws Exception {
        GatewayCommand command = script("echo \"listening with $OPENCLAW_GATEWAY_TOKEN\"\nexec sleep 300");

        assertThatThrownBy(() ->
                        builder(command).startupTimeout(Duration.ofSeconds(2)).start())
                .isInstanceOf(GatewayStartException.class)
                .hasMessageContaining("was not ready within 2 s")
                .hasMessageContaining("listening with <redacted>")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void needsAModelAndAStateFolder() {
        OfflineGateway.Builder builder =
                OfflineGateway.builder(OpenClawVersion.parse("2026.9.6"), GatewayCommand.parse("openclaw"));
        assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.modelBaseUrl("ftp://host/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.token("with space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.startupTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private OfflineGateway.Builder builder(GatewayCommand command) {
        return OfflineGateway.builder(OpenClawVersion.parse("2026.9.6"), command)
                .token(TOKEN)
                .modelBaseUrl("http://127.0.0.1:9/v1")
                .stateDir(state)
                .startupTimeout(Duration.ofSeconds(30));
    }

    private GatewayCommand script(String body) throws Exception {
        Path script = bin.resolve("openclaw");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return GatewayCommand.parse(script.toString());
    }
}
