package io.camelopenclaw.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code openclaw.json} of an isolated, offline gateway: loopback only, token auth, no update checks, telemetry,
 * mDNS, heartbeats or model-catalog downloads, and one OpenAI-compatible model provider {@code stub} with the model
 * {@code stub-echo}. Releases before 2026.5.12 validate strictly and reject {@code telemetry},
 * {@code models.catalogRefresh} and the provider's {@code timeoutSeconds}; they get {@code browser.enabled:false}
 * instead (else they open a browser-control server on port+2 and port+3).
 */
final class OfflineGatewayConfig {

    static final String FILE_NAME = "openclaw.json";
    static final String PROVIDER = "stub";
    static final String MODEL = "stub-echo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineGatewayConfig() {
    }

    static ObjectNode create(OpenClawVersion version, int port, String token, String modelBaseUrl, Path stateDir) {
        boolean v4 = version.isProtocolV4();
        ObjectNode config = JSON.createObjectNode();

        ObjectNode gateway = config.putObject("gateway").put("mode", "local").put("port", port).put("bind", "loopback");
        gateway.putObject("auth").put("mode", "token").put("token", token);
        config.putObject("update").put("checkOnStart", false);
        if (v4) {
            config.putObject("telemetry").put("enabled", false);
        }
        config.putObject("discovery").putObject("mdns").put("mode", "off");
        if (!v4) {
            config.putObject("browser").put("enabled", false);
        }
        config.putObject("logging").put("file", logFile(stateDir).toString()).put("level", "info");

        ObjectNode defaults = config.putObject("agents").putObject("defaults")
                .put("workspace", stateDir.resolve("workspace").toString());
        defaults.putObject("model").put("primary", PROVIDER + "/" + MODEL);
        defaults.putObject("heartbeat").put("every", "0m");

        ObjectNode models = config.putObject("models").put("mode", "replace");
        if (v4) {
            models.putObject("catalogRefresh").put("enabled", false);
        }
        ObjectNode provider = models.putObject("providers").putObject(PROVIDER)
                .put("baseUrl", modelBaseUrl).put("apiKey", "stub-local").put("api", "openai-completions");
        if (v4) {
            provider.put("timeoutSeconds", 120);
        }
        ObjectNode model = provider.putArray("models").addObject()
                .put("id", MODEL).put("name", "Stub Echo").put("reasoning", false);
        model.putArray("input").add("text");
        model.putObject("cost").put("input", 0).put("output", 0).put("cacheRead", 0).put("cacheWrite", 0);
        model.put("contextWindow", 128000).put("maxTokens", 4096);
        return config;
    }

    /** The gateway's own log file ({@code logging.file}). */
    static Path logFile(Path stateDir) {
        return stateDir.resolve("logs").resolve("openclaw.log");
    }

    /** Writes the config atomically to {@code <stateDir>/openclaw.json}, readable by the owner only. */
    static Path write(ObjectNode config, Path stateDir) throws IOException {
        Path target = stateDir.resolve(FILE_NAME);
        Path temp = stateDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (Files.getFileStore(stateDir).supportsFileAttributeView("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config),
                StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
