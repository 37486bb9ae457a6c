package io.camelopenclaw.testgateway;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs per second through one connection, in this JVM: {@code chat.send} of {@code CHUNKS:10} messages (34 frames
 * per run) over 200 sessions with 400 runs in flight; the client only looks for {@code chat final}. Opt-in:
 * {@code mvn -pl camel-openclaw-test-gateway test -Dtest=GatewayThroughputBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class GatewayThroughputBenchmark {

    private static final int RUNS = 30_000;
    private static final int IN_FLIGHT = 400;
    private static final int SESSIONS = 200;

    @Test
    void chatSendThroughput() throws Exception {
        try (TestGateway gw =
                TestGateway.builder().token(Connects.TOKEN).build().start()) {
            for (int round = 0; round < 3; round++) {
                round(gw, round);
            }
        }
    }

    private static void round(TestGateway gw, int round) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountDownLatch finals = new CountDownLatch(RUNS);
        CountDownLatch hello = new CountDownLatch(1);
        AtomicLong frames = new AtomicLong();
        WebSocketClient client = new WebSocketClient(URI.create(gw.url())) {
            @Override
            public void onOpen(ServerHandshake handshake) {}

            @Override
            public void onMessage(String frame) {
                frames.incrementAndGet();
                if (frame.startsWith("{\"type\":\"event\",\"event\":\"connect.challenge\"")) {
                    send("{\"type\":\"req\",\"id\":\"c\",\"method\":\"connect\",\"params\":" + Connects.backend()
                            + "}");
                } else if (frame.startsWith("{\"type\":\"res\",\"id\":\"c\"")) {
                    hello.countDown();
                } else if (frame.contains("\"state\":\"final\"")) {
                    window.release();
                    finals.countDown();
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {}

            @Override
            public void onError(Exception ex) {}
        };
        client.connectBlocking();
        assertThat(hello.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            window.acquire();
            client.send("{\"type\":\"req\",\"id\":\"r" + i + "\",\"method\":\"chat.send\",\"params\":{\"sessionKey\":"
                    + "\"agent:main:bench-" + i % SESSIONS + "\",\"message\":\"bench CHUNKS:10\",\"idempotencyKey\":\"k"
                    + round + "-" + i + "\"}}");
        }
        assertThat(finals.await(120, TimeUnit.SECONDS)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "round %d: %d runs in %.2f s = %.0f runs/s, %.0f frames/s%n",
                round, RUNS, seconds, RUNS / seconds, frames.get() / seconds);
        client.closeBlocking();
    }
}
