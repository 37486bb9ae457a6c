package io.camelopenclaw.client.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The write side of {@link JavaWebSocket}: frames written on the sender's thread once open. */
class JavaWebSocketTest {

    private static final int OP_TEXT = 0x1;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PONG = 0xA;
    /** Threads named {@code event-…} stand for the client's event thread, which must never wait for the network. */
    private static final BooleanSupplier MAY_WAIT =
            () -> !Thread.currentThread().getName().startsWith("event-");

    @Test
    void framesSentFromManyThreadsAtOnceArriveWholeMaskedAndIntactWhoeverWritesThem() throws Exception {
        int threads = 8;
        int perThread = 150;
        try (RawFrameServer server = new RawFrameServer()) {
            JavaWebSocket socket = open(server, new Opened());
            Set<String> sent = new HashSet<>();
            List<Thread> senders = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    // sizes across the three length encodings: 7 bit, 16 bit and 64 bit
                    int size = i % 3 == 0 ? 60 : i % 3 == 1 ? 3_000 : 70_000;
                    texts.add("{\"thread\":" + t + ",\"i\":" + i + ",\"pad\":\"" + "x".repeat(size) + "\"}");
                }
                sent.addAll(texts);
                // half of them write their frames themselves, the others hand them to the writer thread
                Thread sender = new Thread(
                        () -> {
                            awaitQuietly(start);
                            texts.forEach(text -> socket.sendText(text.getBytes(StandardCharsets.UTF_8)));
                        },
                        (t % 2 == 0 ? "event-" : "worker-") + t);
                sender.start();
                senders.add(sender);
            }
            start.countDown();
            Set<String> received = new HashSet<>();
            for (int i = 0; i < threads * perThread; i++) {
                RawFrameServer.ClientFrame frame = server.readFrame();
                assertThat(frame.opcode()).isEqualTo(OP_TEXT);
                received.add(frame.text());
            }
            for (Thread sender : senders) {
                sender.join(5_000);
            }
            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void aThreadThatMustNotWaitReturnsWhileTheSocketIsFull() throws Exception {
        try (RawFrameServer server = new RawFrameServer()) {
            JavaWebSocket socket = open(server, new Opened());
            byte[] huge = ("\"" + "x".repeat(32 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
            Thread worker = new Thread(() -> socket.sendText(huge), "worker-huge");
            worker.start(); // the server reads nothing yet: this write fills the socket's buffers and waits
            await().atMost(5, TimeUnit.SECONDS)
                    .until(() -> Arrays.stream(worker.getStackTrace())
                            .anyMatch(frame -> frame.getClassName().startsWith(GuardedSocket.class.getName())));
            CompletableFuture<Void> eventSend = CompletableFuture.runAsync(
                    () -> socket.sendText("{\"n\":1}".getBytes(StandardCharsets.UTF_8)),
                    task -> new Thread(task, "event-1").start());
            eventSend.get(5, TimeUnit.SECONDS);
            assertThat(worker.isAlive())
                    .as("the worker still waits for the network")
                    .isTrue();
            assertThat(server.readFrame().payload()).hasSize(huge.length);
            assertThat(server.readFrame().text()).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        try (RawFrameServer server = new RawFrameServer()) {
            JavaWebSocket socket = open(server, new Opened());
            server.write(RawFrameServer.frame(0x89, "are you there".getBytes(StandardCharsets.UTF_8)));
            RawFrameServer.ClientFrame pong = server.readFrame();
            assertThat(pong.opcode()).isEqualTo(OP_PONG);
            assertThat(pong.text()).isEqualTo("are you there");
        }
    }

    @Test
    void aSendAfterTheServerWentAwayFailsAndTheSocketCloses() throws Exception {
        Opened opened = new Opened();
        JavaWebSocket socket;
        try (RawFrameServer server = new RawFrameServer()) {
            socket = open(server, opened);
        }
        await().atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThatThrownBy(
                                () -> socket.sendText("{\"type\":\"req\"}".getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(RuntimeException.class));
        await().atMost(5, TimeUnit.SECONDS).until(() -> !opened.closes.isEmpty());
    }

    @Test
    void closingSendsACloseFrameAndLaterSendsAreRefused() throws Exception {
        try (RawFrameServer server = new RawFrameServer()) {
            JavaWebSocket socket = open(server, new Opened());
            socket.sendText("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            socket.close(1000, "bye");
            assertThat(server.readFrame().text()).isEqualTo("{\"n\":1}");
            RawFrameServer.ClientFrame close = server.readFrame();
            assertThat(close.opcode()).isEqualTo(OP_CLOSE);
            assertThatThrownBy(() -> socket.sendText("{\"n\":2}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    /** A socket (frame limit 1 MB) connected to the server, once open. */
    private static JavaWebSocket open(RawFrameServer server, Opened opened) throws Exception {
        JavaWebSocket socket =
                JavaWebSocket.create(server.uri(), null, Map.of(), 1_000_000, 5_000, null, false, MAY_WAIT, opened);
        socket.connect();
        server.accept();
        opened.await();
        return socket;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records the open and the closes of a socket. */
    private static final class Opened implements SocketHandler {
        private final CountDownLatch open = new CountDownLatch(1);
        private final List<Integer> closes = new CopyOnWriteArrayList<>();

        void await() throws InterruptedException {
            assertThat(open.await(5, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void onOpen(GatewaySocket socket) {
            open.countDown();
        }

        @Override
        public void onText(GatewaySocket socket, ByteBuffer utf8) {}

        @Override
        public void onReadEnd(GatewaySocket socket) {}

        @Override
        public void onClose(GatewaySocket socket, int code, String reason, boolean remote) {
            closes.add(code);
        }

        @Override
        public void onError(GatewaySocket socket, Exception error) {}
    }
}
