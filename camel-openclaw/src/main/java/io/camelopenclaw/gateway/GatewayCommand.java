package io.camelopenclaw.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to run the {@code openclaw} command line: the executable with its leading arguments, and a folder to put first
 * on the {@code PATH} (the Node an installation from the cache runs on). {@link #gatewayRun(int)} adds the arguments
 * that start a gateway in the foreground on a loopback port.
 */
public final class GatewayCommand {

    /** The command used when none is configured: {@code openclaw} from the {@code PATH}. */
    public static final String DEFAULT = "openclaw";

    private static final List<String> ENTRY_POINTS = List.of("node_modules/openclaw/openclaw.mjs", "openclaw.mjs");

    private final List<String> command;
    private final Path pathPrefix;

    private GatewayCommand(List<String> command, Path pathPrefix) {
        this.command = List.copyOf(command);
        this.pathPrefix = pathPrefix;
    }

    /**
     * A configured command: an executable (on the {@code PATH} or a path) optionally followed by arguments, separated
     * by spaces; or an OpenClaw installation folder (an npm folder holding {@code node_modules/openclaw}, or the
     * {@code openclaw} package folder itself), run with the {@code node} on the {@code PATH}.
     *
     * @throws IllegalArgumentException if the command is blank, or a folder without an OpenClaw entry point
     */
    public static GatewayCommand parse(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            throw new IllegalArgumentException("The openclaw command is empty");
        }
        List<String> words = Arrays.asList(commandLine.trim().split("\\s+"));
        Path folder = Path.of(words.get(0));
        if (words.size() == 1 && Files.isDirectory(folder)) {
            Path entryPoint = ENTRY_POINTS.stream()
                    .map(folder::resolve)
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The folder " + folder.toAbsolutePath()
                            + " is not an OpenClaw installation: it has none of " + ENTRY_POINTS));
            return new GatewayCommand(
                    List.of("node", entryPoint.toAbsolutePath().toString()), null);
        }
        return new GatewayCommand(words, null);
    }

    /** The release installed in the cache, run on the Node installed beside it. */
    public static GatewayCommand of(OpenClawInstallation installation) {
        return new GatewayCommand(
                List.of(
                        installation.nodeBinary().toString(),
                        installation.entrypoint().toString()),
                installation.nodeBinDir());
    }

    /** The executable and its leading arguments. */
    public List<String> command() {
        return command;
    }

    /** The folder to put first on the gateway's {@code PATH}, if any. */
    public Optional<Path> pathPrefix() {
        return Optional.ofNullable(pathPrefix);
    }

    /** The full command line that runs a gateway in the foreground on {@code port}, bound to loopback. */
    public List<String> gatewayRun(int port) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of("gateway", "run", "--port", String.valueOf(port), "--bind", "loopback"));
        return line;
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
