package io.camelopenclaw.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OpenClaw release installed from npm into a local cache folder, together with the Node 24 runtime it needs.
 * <p>
 * Layout under the cache folder ({@link #defaultCacheDir()} unless given): {@code node-24-<os>-<arch>/} holds the
 * npm package {@code node-<os>-<arch>@24} (installed with the {@code npm} on the {@code PATH}), and
 * {@code openclaw-<version>/} holds {@code openclaw@<version>} (installed by that npm running on Node 24; releases
 * before 2026.5.12 get the npm {@code overrides} they need to install from the public registry). Each folder is
 * installed once, under a file lock, and marked complete at the end, so parallel JVMs share the cache safely and an
 * interrupted install is redone. npm 11 does not run the packages' install scripts; the gateway does not need them.
 */
public final class OpenClawInstallation {

    /** Environment variable naming the cache folder. */
    public static final String CACHE_DIR_ENV = "OPENCLAW_CACHE_DIR";
    /** The Node major version installed for the gateway. */
    public static final int NODE_MAJOR = 24;

    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenClawVersion version;
    private final Path cacheDir;
    private final String nodePackage;
    private final CacheFolder nodeFolder;
    private final CacheFolder openClawFolder;

    private OpenClawInstallation(OpenClawVersion version, Path cacheDir) {
        this.version = version;
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
        this.nodePackage = "node-" + platform();
        this.nodeFolder = new CacheFolder(this.cacheDir.resolve("node-" + NODE_MAJOR + "-" + platform()));
        this.openClawFolder = new CacheFolder(this.cacheDir.resolve("openclaw-" + version));
    }

    /** The release {@code version} (exact, e.g. {@code 2026.9.6}) in the {@linkplain #defaultCacheDir() default cache}. */
    public static OpenClawInstallation of(String version) {
        return of(version, defaultCacheDir());
    }

    /** The release {@code version} (exact, e.g. {@code 2026.9.6}) in the given cache folder. */
    public static OpenClawInstallation of(String version, Path cacheDir) {
        return new OpenClawInstallation(OpenClawVersion.parse(version), Objects.requireNonNull(cacheDir, "cacheDir"));
    }

    /** {@code $OPENCLAW_CACHE_DIR} if set, else {@code ~/.cache/camel-openclaw}. */
    public static Path defaultCacheDir() {
        String configured = System.getenv(CACHE_DIR_ENV);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "camel-openclaw");
    }

    public OpenClawVersion version() {
        return version;
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The folder holding this release's {@code node_modules}. */
    public Path directory() {
        return openClawFolder.path();
    }

    /** The Node 24 executable. */
    public Path nodeBinary() {
        return nodeBinDir().resolve("node");
    }

    /** The gateway's entry point, {@code node_modules/openclaw/openclaw.mjs}. */
    public Path entrypoint() {
        return directory().resolve("node_modules/openclaw/openclaw.mjs");
    }

    /** Whether Node and this release are completely installed. */
    public boolean isInstalled() {
        return nodeFolder.isComplete() && openClawFolder.isComplete();
    }

    /**
     * Installs Node 24 and this release unless they are installed already; blocks while another thread or process
     * installs them.
     *
     * @return this
     * @throws OpenClawInstallException if npm fails, times out (20 minutes) or installs something unexpected
     */
    public OpenClawInstallation install() {
        nodeFolder.ensure(nodePackage + "@" + NODE_MAJOR, folder -> {
            writePackageJson(folder, packageJson(nodePackage, String.valueOf(NODE_MAJOR)));
            NpmInstall.run(folder, null, NPM_TIMEOUT, nodePackage + "@" + NODE_MAJOR);
            verifyNode();
        });
        openClawFolder.ensure("openclaw@" + version, folder -> {
            ObjectNode packageJson = packageJson("openclaw", version.toString());
            if (!version.isProtocolV4()) {
                // 2026.3.x-2026.5.x: baileys pulls libsignal from GitHub, linkedom ^0.18.12 resolves to a release
                // whose dependency is missing from the registry
                packageJson
                        .putObject("overrides")
                        .put("libsignal", "npm:libsignal@2.0.1")
                        .put("linkedom", "0.18.12");
            }
            writePackageJson(folder, packageJson);
            NpmInstall.run(folder, nodeBinDir(), NPM_TIMEOUT, "openclaw@" + version);
            verifyOpenClaw();
        });
        return this;
    }

    @Override
    public String toString() {
        return "OpenClawInstallation[openclaw@" + version + " in " + directory() + "]";
    }

    Path nodeBinDir() {
        return nodeFolder.path().resolve("node_modules").resolve(nodePackage).resolve("bin");
    }

    private void verifyNode() throws IOException {
        Path node = nodeBinary();
        if (!Files.isExecutable(node)) {
            throw new OpenClawInstallException("npm installed " + nodePackage + " but " + node + " is missing", "");
        }
        String output;
        try {
            Process process = new ProcessBuilder(node.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new OpenClawInstallException(node + " --version did not answer within 60 s", "");
            }
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawInstallException("Interrupted while checking " + node, "", e);
        }
        if (!output.startsWith("v" + NODE_MAJOR + ".")) {
            throw new OpenClawInstallException(
                    node + " reports version '" + output + "', expected v" + NODE_MAJOR + ".x", "");
        }
    }

    private void verifyOpenClaw() throws IOException {
        Path manifest = directory().resolve("node_modules/openclaw/package.json");
        if (!Files.isRegularFile(entrypoint()) || !Files.isRegularFile(manifest)) {
            throw new OpenClawInstallException(
                    "npm installed openclaw@" + version + " but " + entrypoint() + " is missing",
                    LogTail.of(directory().resolve(NpmInstall.LOG_FILE), LogTail.DEFAULT_LINES));
        }
        String installed = JSON.readTree(manifest.toFile()).path("version").asText();
        if (!version.toString().equals(installed)) {
            throw new OpenClawInstallException("npm installed openclaw@" + installed + " instead of " + version, "");
        }
    }

    private static ObjectNode packageJson(String dependency, String version) {
        ObjectNode packageJson = JSON.createObjectNode()
                .put("name", "camel-openclaw-cache")
                .put("private", true)
                .put("description", "Installed by camel-openclaw; safe to delete");
        packageJson.putObject("dependencies").put(dependency, version);
        return packageJson;
    }

    private static void writePackageJson(Path folder, JsonNode packageJson) throws IOException {
        Files.writeString(
                folder.resolve("package.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(packageJson),
                StandardCharsets.UTF_8);
    }

    /** {@code <os>-<arch>} as npm's Node packages name it, e.g. {@code linux-x64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String npmOs = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin" : null;
        String npmArch = arch.equals("amd64") || arch.equals("x86_64")
                ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        if (npmOs == null || npmArch == null) {
            throw new OpenClawInstallException(
                    "No Node package for this platform (" + os + "/" + arch
                            + "); supported: Linux and macOS on x64 or arm64",
                    "");
        }
        return npmOs + "-" + npmArch;
    }
}
