package io.camelopenclaw.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.camelopenclaw.testgateway.TestGateway;
import io.camelopenclaw.testgateway.TestGatewayBuilder;

/**
 * Stands in for {@code openclaw gateway run --port P --bind loopback} as a real process: serves the in-process
 * {@link TestGateway} (a SLOW run takes 2 s) on the port with the token or password of
 * {@code OPENCLAW_GATEWAY_TOKEN} / {@code OPENCLAW_GATEWAY_PASSWORD}, and starts a long-running child process (like
 * the real gateway's helpers). It reports to the folder {@code FAKE_GATEWAY_DIR}: {@code <pid>.argv},
 * {@code <pid>.env} and {@code <pid>.child} (the child's pid). The file {@code mode} in the folder, else
 * {@code FAKE_GATEWAY_MODE}, picks a behaviour: {@code serve} (the default), {@code exit} (prints a line with the
 * token and exits with code 3) or {@code mute} (never listens). A file {@code silence.<pid>} in the folder makes a
 * serving gateway hang: it keeps the port open but answers nothing.
 */
public final class FakeGatewayMain {

    private static final long CONTROL_POLL_MILLIS = 50;
    /** A SLOW run takes 50 chunks: 2 s. */
    private static final Duration SLOW_CHUNK_DELAY = Duration.ofMillis(40);

    private FakeGatewayMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(System.getenv("FAKE_GATEWAY_DIR"));
        long pid = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(pid + ".argv"), String.join(" ", args));
        Files.writeString(
                dir.resolve(pid + ".env"),
                System.getenv().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));
        String token = System.getenv("OPENCLAW_GATEWAY_TOKEN");
        System.out.println("fake gateway " + pid + " starting with token " + token);
        Path modeFile = dir.resolve("mode");
        String mode = Files.exists(modeFile)
                ? Files.readString(modeFile).trim()
                : System.getenv().getOrDefault("FAKE_GATEWAY_MODE", "serve");
        if (mode.equals("exit")) {
            System.out.println("boom: token " + token + " rejected");
            System.exit(3);
        }
        Process child = new ProcessBuilder("sleep", "300").start();
        Files.writeString(dir.resolve(pid + ".child"), Long.toString(child.pid()));
        if (mode.equals("mute")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        TestGatewayBuilder builder = TestGateway.builder().port(port(args)).slowChunkDelay(SLOW_CHUNK_DELAY);
        if (token != null) {
            builder.token(token);
        }
        String password = System.getenv("OPENCLAW_GATEWAY_PASSWORD");
        if (password != null) {
            builder.password(password);
        }
        TestGateway gateway = builder.build().start();
        System.out.println("fake gateway listening on " + gateway.port());
        Path silence = dir.resolve("silence." + pid);
        while (!Files.exists(silence)) {
            Thread.sleep(CONTROL_POLL_MILLIS);
        }
        gateway.stop();
        hang(gateway.port());
    }

    private static int port(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if ("--port".equals(args[i])) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        throw new IllegalArgumentException("no --port in " + List.of(args));
    }

    /** Accepts connections on the port and never answers. */
    private static void hang(int port) throws IOException {
        System.out.println("fake gateway hangs");
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                held.add(server.accept());
            }
        }
    }
}
