package io.camelopenclaw.runtime;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for {@code node openclaw.mjs gateway run --port P …} in {@link OpenClawGatewayProcessTest}: answers
 * {@code GET /readyz} with 200 on the port, and starts a long-running child process (like the real gateway's spawn
 * broker) whose pid it writes to {@code child.pid} in the working directory.
 */
public final class FakeGatewayMain {

    private FakeGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if ("--port".equals(args[i])) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        Process child = new ProcessBuilder("sleep", "300").start();
        Path pidFile = Paths.get("child.pid");
        Files.writeString(pidFile, Long.toString(child.pid()));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/readyz", exchange -> {
            byte[] body = "{\"ready\":true}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("fake gateway listening on " + port);
        Thread.sleep(Long.MAX_VALUE);
    }
}
