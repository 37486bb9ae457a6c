package io.camelopenclaw.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A stand-in {@code openclaw} command that runs {@link FakeGatewayMain} on this test JVM's java and class path,
 * reporting to a folder; and what it reported.
 */
public final class FakeGateway {

    private final Path dir;

    private FakeGateway(Path dir) {
        this.dir = dir;
    }

    /** A fake whose command script and reports live in {@code dir}. */
    public static FakeGateway in(Path dir) {
        return new FakeGateway(dir);
    }

    /** The command: a shell script that runs {@link FakeGatewayMain} with the arguments it is given. */
    public GatewayCommand command() {
        Path script = dir.resolve("openclaw");
        try {
            Files.writeString(script, "#!/bin/sh\n" + script() + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GatewayCommand.parse(script.toString());
    }

    /** The shell line that runs {@link FakeGatewayMain} with the script's arguments, logging to its output. */
    public String script() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return "FAKE_GATEWAY_DIR='" + dir + "' exec '" + java + "'"
                + " -Dlog4j2.configurationFile=fake-gateway-log4j2.properties"
                + " -cp '" + System.getProperty("java.class.path") + "' " + FakeGatewayMain.class.getName() + " \"$@\"";
    }

    /** The command line process {@code pid} was started with. */
    public String argv(long pid) throws IOException {
        return Files.readString(dir.resolve(pid + ".argv"));
    }

    /** The environment process {@code pid} saw. */
    public Map<String, String> environment(long pid) throws IOException {
        return Files.readAllLines(dir.resolve(pid + ".env")).stream()
                .filter(line -> line.contains("="))
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
    }

    /** The pid of the child process {@code pid} started. */
    public long childOf(long pid) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(pid + ".child")).trim());
    }

    /** A loopback port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether process {@code pid} runs. */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The behaviour of the fakes started from now on (see {@link FakeGatewayMain}). */
    public void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode);
    }

    /** How many fake gateway processes were started. */
    public long started() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".argv"))
                    .count();
        }
    }

    /** Makes process {@code pid} hang: it keeps its port open but answers nothing. */
    public void silence(long pid) throws IOException {
        Files.writeString(dir.resolve("silence." + pid), "");
    }
}
