package io.camelopenclaw.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import io.camelopenclaw.testgateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** What a probe finds on a port: a gateway, nothing, or something else. */
@Timeout(30)
class GatewayProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aGatewayAnswersWithItsChallengeWithoutCredentials() throws Exception {
        try (TestGateway gateway = TestGateway.builder().token("t0k3n").build().start()) {
            assertThat(GatewayProbe.probe(URI.create(gateway.url()), TIMEOUT).join())
                    .isEqualTo(GatewayProbe.Result.ANSWERING);
        }
    }

    @Test
    void aClosedPortIsNotListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(GatewayProbe.probe(URI.create("ws://127.0.0.1:" + port), TIMEOUT)
                        .join())
                .isEqualTo(GatewayProbe.Result.NOT_LISTENING);
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsNotAnswering() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(GatewayProbe.probe(URI.create("ws://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(500))
                            .join())
                    .isEqualTo(GatewayProbe.Result.NOT_ANSWERING);
        }
    }

    @Test
    void anHttpServerThatRefusesTheUpgradeIsNotAnswering() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        try {
            assertThat(GatewayProbe.probe(
                                    URI.create("ws://127.0.0.1:"
                                            + http.getAddress().getPort()),
                                    TIMEOUT)
                            .join())
                    .isEqualTo(GatewayProbe.Result.NOT_ANSWERING);
        } finally {
            http.stop(0);
        }
    }
}
