package io.camelopenclaw.gateway;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions, installation folders, commands and log tails. */
class RuntimeValuesTest {

    @TempDir
    Path dir;

    @Test
    void versionsParseExactlyAndOrderNumerically() {
        assertThat(OpenClawVersion.parse("2026.9.6").isProtocolV4()).isTrue();
        assertThat(OpenClawVersion.parse("2026.5.12").isProtocolV4()).isTrue();
        assertThat(OpenClawVersion.parse("2026.5.7").isProtocolV4()).isFalse();
        assertThat(OpenClawVersion.parse("2026.3.13").isProtocolV4()).isFalse();
        assertThat(OpenClawVersion.parse("2026.10.1")).isGreaterThan(OpenClawVersion.parse("2026.9.6"));
        assertThat(OpenClawVersion.parse("2026.9.6-beta.1").toString()).isEqualTo("2026.9.6-beta.1");
        for (String bad : new String[] {"latest", "^2026.9.6", "2026.9", "2026.9.6 || 1.0.0", "../x", ""}) {
            assertThatThrownBy(() -> OpenClawVersion.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void installationFoldersAreNamedByVersion() {
        OpenClawInstallation installation = OpenClawInstallation.of("2026.3.13", dir);

        assertThat(installation.directory()).isEqualTo(dir.resolve("openclaw-2026.3.13"));
        assertThat(installation.entrypoint())
                .isEqualTo(dir.resolve("openclaw-2026.3.13/node_modules/openclaw/openclaw.mjs"));
        assertThat(installation.nodeBinary().toString())
                .startsWith(dir.resolve("node-24-").toString())
                .endsWith("/bin/node");
        assertThat(installation.isInstalled()).isFalse();
    }

    @Test
    void anInstallationRunsOnItsOwnNode() {
        OpenClawInstallation installation = OpenClawInstallation.of("2026.9.6", dir);

        GatewayCommand command = GatewayCommand.of(installation);

        assertThat(command.gatewayRun(4711))
                .containsExactly(
                        installation.nodeBinary().toString(),
                        installation.entrypoint().toString(),
                        "gateway",
                        "run",
                        "--port",
                        "4711",
                        "--bind",
                        "loopback");
        assertThat(command.pathPrefix()).contains(installation.nodeBinDir());
    }

    @Test
    void aConfiguredCommandIsAnExecutableWithArgumentsOrAnInstallationFolder() throws Exception {
        assertThat(GatewayCommand.parse("openclaw").command()).containsExactly("openclaw");
        assertThat(GatewayCommand.parse("  npx -y openclaw ").command()).containsExactly("npx", "-y", "openclaw");
        assertThat(GatewayCommand.parse("openclaw").pathPrefix()).isEmpty();

        Path npmFolder = dir.resolve("npm");
        Files.createDirectories(npmFolder.resolve("node_modules/openclaw"));
        Files.writeString(npmFolder.resolve("node_modules/openclaw/openclaw.mjs"), "");
        assertThat(GatewayCommand.parse(npmFolder.toString()).command())
                .containsExactly(
                        "node",
                        npmFolder.resolve("node_modules/openclaw/openclaw.mjs").toString());
        assertThat(GatewayCommand.parse(
                                npmFolder.resolve("node_modules/openclaw").toString())
                        .command())
                .containsExactly(
                        "node",
                        npmFolder.resolve("node_modules/openclaw/openclaw.mjs").toString());

        assertThatThrownBy(() ->
                        GatewayCommand.parse(dir.resolve("npm/node_modules").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an OpenClaw installation");
        assertThatThrownBy(() -> GatewayCommand.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logTailKeepsTheLastLines() throws Exception {
        Path log = dir.resolve("out.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("line ").append(i).append('\n');
        }
        Files.writeString(log, text, StandardCharsets.UTF_8);

        String tail = LogTail.of(log, 3);

        assertThat(tail.lines()).containsExactly("line 97", "line 98", "line 99");
        assertThat(LogTail.of(dir.resolve("missing.log"), 3)).contains("does not exist");
    }

    @Test
    void logTailOfAHugeFileDropsTheCutFirstLine() throws Exception {
        Path log = dir.resolve("huge.log");
        Files.writeString(log, "x".repeat(70_000) + "\nlast\n", StandardCharsets.UTF_8);

        assertThat(LogTail.of(log, 40)).isEqualTo("last");
    }
}
