package io.camelopenclaw.test.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelopenclaw.gateway.OpenClawVersion;

/**
 * The {@code openclaw.json} and the environment of an isolated, offline gateway: loopback only, token auth, no update
 * checks, telemetry, mDNS, heartbeats or model-catalog downloads, and one OpenAI-compatible model provider
 * {@code stub} with the model {@code stub-echo}. Releases before 2026.5.12 validate strictly and reject
 * {@code telemetry}, {@code models.catalogRefresh} and the provider's {@code timeoutSeconds}; they get
 * {@code browser.enabled:false} instead (else they open a browser-control server on port+2 and port+3).
 */
public final class OfflineGatewayConfig {

    public static final String FILE_NAME = "openclaw.json";
    public static final String PROVIDER = "stub";
    public static final String MODEL = "stub-echo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfflineGatewayConfig() {}

    /** The config of a gateway of release {@code version} on {@code port}, with its state in {@code stateDir}. */
    public static ObjectNode create(
            OpenClawVersion version, int port, String token, String modelBaseUrl, Path stateDir) {
        boolean v4 = version.isProtocolV4();
        ObjectNode config = JSON.createObjectNode();

        ObjectNode gateway = config.putObject("gateway")
                .put("mode", "local")
                .put("port", port)
                .put("bind", "loopback");
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

        ObjectNode defaults = config.putObject("agents")
                .putObject("defaults")
                .put("workspace", stateDir.resolve("workspace").toString());
        defaults.putObject("model").put("primary", PROVIDER + "/" + MODEL);
        defaults.putObject("heartbeat").put("every", "0m");

        ObjectNode models = config.putObject("models").put("mode", "replace");
        if (v4) {
            models.putObject("catalogRefresh").put("enabled", false);
        }
        ObjectNode provider = models.putObject("providers")
                .putObject(PROVIDER)
                .put("baseUrl", modelBaseUrl)
                .put("apiKey", "stub-local")
                .put("api", "openai-completions");
        if (v4) {
            provider.put("timeoutSeconds", 120);
        }
        ObjectNode model = provider.putArray("models")
                .addObject()
                .put("id", MODEL)
                .put("name", "Stub Echo")
                .put("reasoning", false);
        model.putArray("input").add("text");
        model.putObject("cost")
                .put("input", 0)
                .put("output", 0)
                .put("cacheRead", 0)
                .put("cacheWrite", 0);
        model.put("contextWindow", 128000).put("maxTokens", 4096);
        return config;
    }

    /**
     * The environment that keeps a gateway out of the user's home and off the network: home and XDG folders inside
     * {@code stateDir}, the state folder and config file, and no channels, mDNS, respawn, auto-update, cron, shell
     * snapshots, browser control server, Gmail watcher or tracking.
     */
    public static Map<String, String> environment(Path stateDir) {
        Path home = stateDir.resolve("home");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("OPENCLAW_HOME", home.toString());
        env.put("OPENCLAW_STATE_DIR", stateDir.toString());
        env.put("OPENCLAW_CONFIG_PATH", stateDir.resolve(FILE_NAME).toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        for (String flag : List.of(
                "OPENCLAW_SKIP_CHANNELS",
                "OPENCLAW_DISABLE_BONJOUR",
                "OPENCLAW_NO_RESPAWN",
                "OPENCLAW_NO_AUTO_UPDATE",
                "OPENCLAW_SKIP_CRON",
                "OPENCLAW_SKIP_BROWSER_CONTROL_SERVER",
                "OPENCLAW_SKIP_GMAIL_WATCHER",
                "DO_NOT_TRACK")) {
            env.put(flag, "1");
        }
        env.put("OPENCLAW_EXEC_SHELL_SNAPSHOT", "0");
        return env;
    }

    /** The gateway's own log file ({@code logging.file}). */
    private static Path logFile(Path stateDir) {
        return stateDir.resolve("logs").resolve("openclaw.log");
    }

    /**
     * Writes the config atomically to {@code <stateDir>/openclaw.json}, readable by the owner only, and creates the
     * folders the {@linkplain #environment environment} and the config name.
     */
    public static Path write(ObjectNode config, Path stateDir) throws IOException {
        for (Path dir : List.of(
                stateDir.resolve("home"),
                stateDir.resolve("workspace"),
                logFile(stateDir).getParent())) {
            Files.createDirectories(dir);
        }
        Path target = stateDir.resolve(FILE_NAME);
        Path temp = stateDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (Files.getFileStore(stateDir).supportsFileAttributeView("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(
                temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
