package io.camelopenclaw.testgateway;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

class ScratchBench {
    @Test
    void bench() throws Exception {
        try (TestGateway gw = TestGateway.builder().token(Connects.TOKEN).build().start()) {
            for (int round = 0; round < 3; round++) {
                run(gw, 30_000, round);
            }
        }
    }

    private void run(TestGateway gw, int runs, int round) throws Exception {
        Semaphore window = new Semaphore(400);
        CountDownLatch done = new CountDownLatch(runs);
        CountDownLatch hello = new CountDownLatch(1);
        AtomicLong frames = new AtomicLong();
        WebSocketClient c = new WebSocketClient(URI.create(gw.url())) {
            public void onOpen(ServerHandshake h) {}
            public void onMessage(String m) {
                frames.incrementAndGet();
                if (m.startsWith("{\"type\":\"event\",\"event\":\"connect.challenge\"")) { send("{\"type\":\"req\",\"id\":\"c\",\"method\":\"connect\",\"params\":" + Connects.backend() + "}"); return; }
                if (m.contains("\"hello-ok\"")) { hello.countDown(); return; }
                if (m.contains("\"state\":\"final\"")) { window.release(); done.countDown(); }
            }
            public void onClose(int code, String reason, boolean remote) {}
            public void onError(Exception ex) {}
        };
        c.connectBlocking();
        if (!hello.await(10, TimeUnit.SECONDS)) { System.out.println("NO HELLO"); return; }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            window.acquire();
            c.send("{\"type\":\"req\",\"id\":\"r" + i + "\",\"method\":\"chat.send\",\"params\":{\"sessionKey\":\"agent:main:b" + (i % 200) + "\",\"message\":\"bench CHUNKS:10\",\"idempotencyKey\":\"k" + round + "-" + i + "\"}}");
        }
        done.await(120, TimeUnit.SECONDS);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("round %d: %d runs in %.2fs = %.0f runs/s, %d frames (%.0f frames/s)%n", round, runs, secs, runs / secs, frames.get(), frames.get() / secs);
        c.closeBlocking();
    }
}
