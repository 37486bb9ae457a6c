package io.camelopenclaw.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, config validation and log tails. */
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
        for (String bad : new String[] { "latest", "^2026.9.6", "2026.9", "2026.9.6 || 1.0.0", "../x", "" }) {
            assertThatThrownBy(() -> OpenClawVersion.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void installationFoldersAreNamedByVersion() {
        OpenClawInstallation installation = OpenClawInstallation.of("2026.3.13", dir);

        assertThat(installation.directory()).isEqualTo(dir.resolve("openclaw-2026.3.13"));
        assertThat(installation.entrypoint())
                .isEqualTo(dir.resolve("openclaw-2026.3.13/node_modules/openclaw/openclaw.mjs"));
        assertThat(installation.nodeBinary().toString()).startsWith(dir.resolve("node-24-").toString())
                .endsWith("/bin/node");
        assertThat(installation.isInstalled()).isFalse();
    }

    @Test
    void configValidatesAndNeverShowsTheToken() {
        GatewayProcessConfig.Builder builder = GatewayProcessConfig.builder().version("2026.9.6");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("modelBaseUrl");
        assertThatThrownBy(() -> builder.modelBaseUrl("ftp://host/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.token("with space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.startupTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GatewayProcessConfig.builder().modelBaseUrl("http://127.0.0.1:1/v1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version");

        GatewayProcessConfig config = builder.modelBaseUrl("http://127.0.0.1:1/v1").build();
        assertThat(config.token()).hasSize(48);
        assertThat(config.toString()).doesNotContain(config.token()).contains("<redacted>");
        assertThat(GatewayProcessConfig.builder().version("2026.9.6").modelBaseUrl("http://127.0.0.1:1/v1").build()
                .token()).isNotEqualTo(config.token());
    }

    @Test
    void logTailKeepsTheLastLinesAndRedactsTheSecret() throws Exception {
        Path log = dir.resolve("out.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append("line ").append(i).append(" token=s3cr3t\n");
        }
        Files.writeString(log, text, StandardCharsets.UTF_8);

        String tail = LogTail.of(log, 3, "s3cr3t");

        assertThat(tail.lines()).containsExactly("line 97 token=<redacted>", "line 98 token=<redacted>",
                "line 99 token=<redacted>");
        assertThat(LogTail.of(dir.resolve("missing.log"), 3, "x")).contains("does not exist");
    }

    @Test
    void logTailOfAHugeFileDropsTheCutFirstLine() throws Exception {
        Path log = dir.resolve("huge.log");
        Files.writeString(log, "s3cr3t".repeat(20_000) + "\nlast\n", StandardCharsets.UTF_8);

        assertThat(LogTail.of(log, 40, "s3cr3t")).isEqualTo("last");
    }
}
