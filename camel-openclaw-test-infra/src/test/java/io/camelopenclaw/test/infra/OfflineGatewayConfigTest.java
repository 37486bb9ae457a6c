package io.camelopenclaw.test.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.gateway.OpenClawVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineGatewayConfigTest {

    @TempDir
    Path state;

    @Test
    void v4ConfigDisablesTelemetryAndCatalogRefresh() {
        JsonNode config = OfflineGatewayConfig.create(
                OpenClawVersion.parse("2026.9.6"), 4711, "t0k3n", "http://127.0.0.1:8080/v1", state);

        assertCommonOfflineSettings(config);
        assertThat(config.path("telemetry").path("enabled").asBoolean(true)).isFalse();
        assertThat(config.path("models").path("catalogRefresh").path("enabled").asBoolean(true))
                .isFalse();
        assertThat(config.path("models")
                        .path("providers")
                        .path("stub")
                        .path("timeoutSeconds")
                        .asInt())
                .isEqualTo(120);
        assertThat(config.has("browser")).isFalse();
    }

    @Test
    void v3ConfigLeavesOutTheKeysOldReleasesRejectAndDisablesTheBrowser() {
        for (String version : new String[] {"2026.3.13", "2026.5.7"}) {
            JsonNode config = OfflineGatewayConfig.create(
                    OpenClawVersion.parse(version), 4711, "t0k3n", "http://127.0.0.1:8080/v1", state);

            assertCommonOfflineSettings(config);
            assertThat(config.has("telemetry")).isFalse();
            assertThat(config.path("models").has("catalogRefresh")).isFalse();
            assertThat(config.path("models").path("providers").path("stub").has("timeoutSeconds"))
                    .isFalse();
            assertThat(config.path("browser").path("enabled").asBoolean(true)).isFalse();
        }
    }

    @Test
    void writesTheConfigReadableByTheOwnerOnly() throws Exception {
        ObjectNode config = OfflineGatewayConfig.create(
                OpenClawVersion.parse("2026.9.6"), 4711, "t0k3n", "http://127.0.0.1:8080/v1", state);

        Path file = OfflineGatewayConfig.write(config, state);

        assertThat(file).isEqualTo(state.resolve("openclaw.json"));
        assertThat(new ObjectMapper().readTree(file.toFile())).isEqualTo(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private void assertCommonOfflineSettings(JsonNode config) {
        JsonNode gateway = config.path("gateway");
        assertThat(gateway.path("mode").asText()).isEqualTo("local");
        assertThat(gateway.path("port").asInt()).isEqualTo(4711);
        assertThat(gateway.path("bind").asText()).isEqualTo("loopback");
        assertThat(gateway.path("auth").path("mode").asText()).isEqualTo("token");
        assertThat(gateway.path("auth").path("token").asText()).isEqualTo("t0k3n");
        assertThat(config.path("update").path("checkOnStart").asBoolean(true)).isFalse();
        assertThat(config.path("discovery").path("mdns").path("mode").asText()).isEqualTo("off");
        assertThat(config.path("logging").path("file").asText())
                .isEqualTo(state.resolve("logs/openclaw.log").toString());
        JsonNode defaults = config.path("agents").path("defaults");
        assertThat(defaults.path("workspace").asText())
                .isEqualTo(state.resolve("workspace").toString());
        assertThat(defaults.path("model").path("primary").asText()).isEqualTo("stub/stub-echo");
        assertThat(defaults.path("heartbeat").path("every").asText()).isEqualTo("0m");
        JsonNode models = config.path("models");
        assertThat(models.path("mode").asText()).isEqualTo("replace");
        JsonNode stub = models.path("providers").path("stub");
        assertThat(stub.path("baseUrl").asText()).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(stub.path("api").asText()).isEqualTo("openai-completions");
        assertThat(stub.path("models").path(0).path("id").asText()).isEqualTo("stub-echo");
    }
}
